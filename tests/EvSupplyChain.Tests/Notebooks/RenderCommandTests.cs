using System.CommandLine;
using EvSupplyChain.Cli;
using EvSupplyChain.Cli.Commands;
using EvSupplyChain.Notebooks;
using Spectre.Console;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary><c>evsc render</c> progress output and <c>--help</c> on every command.</summary>
[Collection(NotebookExecution.Name)]
public class RenderCommandTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string> { "" };
        foreach (var c in Program.BuildRoot().Subcommands)
        {
            data.Add(c.Name);
            foreach (var sub in c.Subcommands) data.Add(c.Name + " " + sub.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_command_has_help(string command)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (o, e) = (new StringWriter(), new StringWriter());
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(flag).ToArray();
            var code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = o, Error = e });
            Assert.Equal(0, code);
            Assert.Contains("Usage:", o.ToString());
            Assert.Contains("Options:", o.ToString());
            Assert.Equal("", e.ToString());
        }
    }

    [Fact]
    public void Every_subcommand_has_a_description()
    {
        foreach (var c in Program.BuildRoot().Subcommands)
            Assert.False(string.IsNullOrWhiteSpace(c.Description), $"evsc {c.Name} has no description for --help");
    }

    [Fact]
    public void Redirected_output_gets_one_progress_line_per_notebook()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-progress-").FullName;
        var a = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("1"), TestNotebook.Code("2")), "01-a.ipynb", dir);
        var b = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("throw new Exception(\"stop\");")), "02-b.ipynb", dir);
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = RenderCommand.Run([a, b], new RenderCommand.Settings { OutDir = Path.Combine(dir, "out"), Parallel = 1 }, o, e);
        Assert.Equal(1, code);
        var lines = o.ToString().Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\[1/2\] 01-a \.\.\. passed \(\d+\.\d s\)$", lines[0]);
        Assert.Matches(@"^\[2/2\] 02-b \.\.\. FAILED \(\d+\.\d s\)$", lines[1]);
        Assert.StartsWith("1 passed, 1 failed; reports in ", lines[2]);
        Assert.Equal("  02-b: cell 1, line 1: Exception: stop", e.ToString().Replace("\r", "").TrimEnd('\n'));
    }

    [Fact]
    public void A_terminal_gets_a_live_progress_row_per_notebook()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-live-").FullName;
        var a = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("1"), TestNotebook.Code("2")), "01-first.ipynb", dir);
        var b = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("throw new Exception(\"[stop]\");")), "02-second.ipynb", dir);
        var (o, e, screen) = (new StringWriter(), new StringWriter(), new StringWriter());
        var live = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes, ColorSystem = ColorSystemSupport.NoColors,
        });
        var code = RenderCommand.Run([a, b], new RenderCommand.Settings { OutDir = Path.Combine(dir, "out") }, o, e, live);
        Assert.Equal(1, code);
        var shown = screen.ToString();
        Assert.Contains("passed 01-first", shown);
        Assert.Contains("FAILED 02-second cell 1, line 1: Exception: [stop]", shown);
        Assert.StartsWith("1 passed, 1 failed; reports in ", o.ToString());
        Assert.Contains("02-second: cell 1, line 1: Exception: [stop]", e.ToString());
    }

    /// <summary>A notebooks/ folder with three small notebooks, the working directory for name resolution.</summary>
    private static string Repo()
    {
        var root = Directory.CreateTempSubdirectory("evsc-names-").FullName;
        var nb = Path.Combine(root, "notebooks");
        TestNotebook.Write(TestNotebook.Json(TestNotebook.Markdown("# 01 — First\n\nSource: [Someone (2024)](https://example.org/a)"), TestNotebook.Code("1")), "01-first-thing.ipynb", nb);
        TestNotebook.Write(TestNotebook.Json(TestNotebook.Markdown("# 02 — Cathode\n\nSource: J. Lu et al., *Code*\n([repo](https://example.org/b)).\n\nMore."),
            TestNotebook.Code("2")), "02-cathode-vulnerability.ipynb", nb);
        TestNotebook.Write(TestNotebook.Json(TestNotebook.Markdown("# 03 — Params"),
            TestNotebook.Tagged(TestNotebook.Code("var year = 2035;\nvar focal = \"China\";\nvar rate = 0.30;"), "parameters"),
            TestNotebook.Code("$\"{focal} {year} {rate:0.00}\"")), "03-params.ipynb", nb);
        return root;
    }

    /// <summary><c>evsc render ARGS</c> as if run in <paramref name="root"/> (names resolve in its notebooks/).</summary>
    private static (int Code, string Out, string Err) RenderIn(string root, params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var names = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var set = args.Select((a, i) => (a, i)).Where(x => x.a == "--set").Select(x => args[x.i + 1]).ToArray();
        try
        {
            var settings = new RenderCommand.Settings { NotebookFolder = Path.Combine(root, "notebooks"), Set = set };
            return (RenderCommand.Run(names, settings, o, e), o.ToString(), e.ToString());
        }
        catch (Exception x) when (x is ArgumentException or ParameterException)
        {
            return (2, o.ToString(), x.Message);
        }
    }

    [Fact]
    public void A_number_or_a_word_of_the_name_picks_the_notebook_and_a_partial_render_keeps_the_other_index_rows()
    {
        var root = Repo();
        var index = Path.Combine(root, "reports", "index.html");
        Assert.Equal(0, RenderIn(root, "01").Code);
        Assert.True(File.Exists(Path.Combine(root, "reports", "01-first-thing.html")));
        Assert.Equal(0, RenderIn(root, "cathode").Code);
        Assert.True(File.Exists(Path.Combine(root, "reports", "02-cathode-vulnerability.html")));
        var html = File.ReadAllText(index);
        Assert.Contains("01-first-thing.html", html);
        Assert.Contains("02-cathode-vulnerability.html", html);
        Assert.Contains("<a href=\"https://example.org/a\">Someone (2024)</a>", html);
        // A citation over two lines, starting like a lettered list item ("J. Lu"), stays one inline paragraph.
        Assert.Contains("J. Lu et al., <em>Code</em> (<a href=\"https://example.org/b\">repo</a>).</td>", html);
        Assert.True(File.Exists(Path.Combine(root, "reports", "assets", "plotly.min.js")) || ReportAssets.FindNodeModules(TestPaths.RepoRoot) is null);
    }

    [Fact]
    public void An_unknown_name_lists_the_notebooks_and_leaves_the_index_alone()
    {
        var root = Repo();
        Assert.Equal(0, RenderIn(root, "3").Code);
        var index = Path.Combine(root, "reports", "index.html");
        var before = File.ReadAllText(index);
        var (code, _, err) = RenderIn(root, "lithium");
        Assert.Equal(2, code);
        Assert.Contains("no notebook matches 'lithium'", err);
        Assert.Contains("01-first-thing, 02-cathode-vulnerability, 03-params", err);
        Assert.Equal(before, File.ReadAllText(index));
    }

    [Fact]
    public void Set_injects_a_tagged_cell_after_the_parameters_cell_with_typed_literals()
    {
        var root = Repo();
        var (code, _, err) = RenderIn(root, "params", "--set", "focal=Indonesia", "--set", "year=2030", "--set", "rate=1");
        Assert.True(code == 0, err);
        var report = File.ReadAllText(Path.Combine(root, "reports", "03-params.html"));
        Assert.Contains("Indonesia 2030 1.00", report);
        Assert.Contains("focal=Indonesia, year=2030, rate=1", File.ReadAllText(Path.Combine(root, "reports", "index.html")));
        var executed = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(root, "reports", "03-params.ipynb")))!["cells"]!.AsArray();
        var injected = executed[2]!;
        Assert.Equal("injected-parameters", injected["metadata"]!["tags"]![0]!.ToString());
        Assert.Equal("var focal = \"Indonesia\";\nvar year = 2030;\nvar rate = 1.0;", string.Concat(injected["source"]!.AsArray().Select(x => x!.ToString())));
    }

    [Theory]
    [InlineData("--set", "season=winter", "no parameter 'season'; its parameters are: year, focal, rate")]
    [InlineData("--set", "year=soon", "expected a whole number")]
    public void A_bad_parameter_is_an_error_before_anything_runs(string option, string value, string message)
    {
        var root = Repo();
        var (code, _, err) = RenderIn(root, "params", option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.False(File.Exists(Path.Combine(root, "reports", "index.html")));
    }

    [Fact]
    public void A_handout_has_typeset_maths_contents_and_print_styles_but_no_code()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-handout-").FullName;
        var path = TestNotebook.Write(TestNotebook.Json(
            TestNotebook.Markdown("# 01 — Maths\n\n## Model\n\nDegradation $q = \\max(0, T - 25)^{e_T} + 6 \\cdot DoD^{e_D}$ and\n\n$$s_i = x_i / X$$\n\n## Results"),
            TestNotebook.Code("var secret = 41;\nsecret + 1")), "01-maths.ipynb", dir);
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, RenderCommand.Run([path], new RenderCommand.Settings { OutDir = Path.Combine(dir, "out"), NoCode = true }, o, e));
        var html = File.ReadAllText(Path.Combine(dir, "out", "01-maths.html"));
        Assert.DoesNotContain("var secret", html);
        Assert.Contains("42", html);
        // The TeX reaches KaTeX untouched (no <em> from the underscores, no changed operators).
        Assert.Contains("<span class=\"math\">\\(q = \\max(0, T - 25)^{e_T} + 6 \\cdot DoD^{e_D}\\)</span>", html);
        Assert.Contains("<div class=\"math\">", html);
        Assert.Contains("katex.render", html);
        Assert.Contains("<nav class=\"toc\">", html);
        Assert.Contains("href=\"#model\"", html);
        Assert.Contains("@media print", html);
        var offline = ReportAssets.FindNodeModules(TestPaths.RepoRoot) is not null;
        Assert.Contains(offline ? "src=\"assets/katex/katex.min.js\"" : "cdn.jsdelivr.net/npm/katex@", html);
        Assert.DoesNotContain(offline ? "https://" : "src=\"assets/", html.Replace("https://example", ""));
    }

    [Fact]
    public void Cdn_links_the_pinned_versions_on_the_public_cdn()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-cdn-").FullName;
        var path = TestNotebook.Write(TestNotebook.Json(TestNotebook.Markdown("# 01 — CDN\n\n$x$"), TestNotebook.Code("1")), "01-cdn.ipynb", dir);
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, RenderCommand.Run([path], new RenderCommand.Settings { OutDir = Path.Combine(dir, "out"), Cdn = true }, o, e));
        var html = File.ReadAllText(Path.Combine(dir, "out", "01-cdn.html"));
        Assert.Contains($"https://cdn.jsdelivr.net/npm/katex@{ReportAssets.KatexVersion}/dist/katex.min.js", html);
        Assert.False(Directory.Exists(Path.Combine(dir, "out", "assets")));
    }

    [BrowserFact]
    public void Static_figures_add_an_svg_to_every_figure_output_of_the_executed_notebook()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-static-").FullName;
        var path = Path.Combine(NotebookFiles.Folder, "00-getting-started.ipynb");
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.True(RenderCommand.Run([path], new RenderCommand.Settings { OutDir = dir, StaticFigures = true }, o, e) == 0, e.ToString());
        var outputs = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "00-getting-started.ipynb")))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"] as System.Text.Json.Nodes.JsonArray ?? []).Select(x => x!["data"]).Where(d => d?["application/vnd.plotly.v1+json"] is not null).ToArray();
        Assert.NotEmpty(outputs);
        foreach (var data in outputs)
        {
            var svg = data!["image/svg+xml"] is System.Text.Json.Nodes.JsonArray lines ? string.Concat(lines.Select(l => l!.ToString())) : data["image/svg+xml"]?.ToString() ?? "";
            Assert.StartsWith("<svg", svg);
            Assert.Contains("</svg>", svg);
        }
    }
}
