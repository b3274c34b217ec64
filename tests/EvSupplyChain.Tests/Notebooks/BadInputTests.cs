using System.CommandLine;
using System.Text.Json.Nodes;
using EvSupplyChain.Cli;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

[Collection(NotebookExecution.Name)]
public class BadInputTests
{
    private static (int Code, string Out, string Err) Evsc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static void NoStackTrace(string text) => Assert.DoesNotContain("   at ", text);

    [Theory]
    [InlineData("{\"cells\": [", "$.cells", "invalid JSON at line 1")]
    [InlineData("{\"nbformat\": 4,\n \"cells\": [}", "$.cells", "invalid JSON at line 2")]
    [InlineData("{\"cells\": [{\"source\": [\"a\"]}, {\"id\": \"x\", \"source\": [\"a\" \"b\"]}]}", "$.cells[1].source[0]", "invalid JSON at line 1")]
    [InlineData("[]", "$", "expected a JSON object")]
    [InlineData("{\"nbformat\": 3, \"nbformat_minor\": 0, \"cells\": []}", "$.nbformat", "expected nbformat 4")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5}", "$.cells", "expected an array")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"x\"}, {\"cell_type\": \"code\", \"source\": 42}]}", "$.cells[1].source", "expected a string")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\", 1]}]}", "$.cells[0].source[1]", "expected a string")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"plot\", \"source\": \"\"}]}", "$.cells[0].cell_type", "unknown cell type")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"id\": \"a\", \"cell_type\": \"raw\", \"source\": \"\"}, {\"id\": \"a\", \"cell_type\": \"raw\", \"source\": \"\"}]}", "$.cells[1].id", "duplicate cell id")]
    public void Malformed_notebook_names_the_file_and_the_json_path(string json, string path, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "broken.ipynb"));
        Assert.Equal(path, e.JsonPath);
        Assert.StartsWith($"broken.ipynb: {path}: ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Render_marks_a_malformed_notebook_failed_and_still_renders_the_others()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-bad-").FullName;
        var bad = Path.Combine(dir, "01-bad.ipynb");
        File.WriteAllText(bad, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"code\", \"source\": 42}]}");
        var good = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("1")), "02-good.ipynb", dir);
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = Evsc("render", bad, good, "--out", outDir);
        Assert.Equal(1, code);
        Assert.Contains("01-bad.ipynb: $.cells[0].source: expected a string", stderr);
        Assert.Contains("1 passed, 1 failed", stdout);
        NoStackTrace(stdout + stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "02-good.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "02-good.ipynb")));
        var index = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("02-good.html", index);
        Assert.Contains("$.cells[0].source", index);
    }

    [Fact]
    public void Missing_library_dll_says_to_run_dotnet_build_first()
    {
        var root = Directory.CreateTempSubdirectory("evsc-nodll-").FullName;
        var nb = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code(NotebookLintTests.LibraryReference + "\nusing EvSupplyChain.Models.Display;\n1")),
            "00-x.ipynb", Path.Combine(root, "notebooks"));
        var (code, stdout, stderr) = Evsc("render", nb, "--out", Path.Combine(root, "out"));
        Assert.Equal(1, code);
        Assert.Contains("cell 1, line 1:", stderr);
        Assert.Contains("Run `dotnet build` first", stderr);
        NoStackTrace(stdout + stderr);
    }

    [Fact]
    public void Failing_cell_is_reported_with_cell_line_and_message_and_a_nonzero_exit_code()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-fail-").FullName;
        var nb = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("var x = 1;"), TestNotebook.Code("\n\nthrow new InvalidOperationException(\"no data\");")), "03-fails.ipynb", dir);
        var (code, _, stderr) = Evsc("render", nb, "--out", Path.Combine(dir, "out"));
        Assert.Equal(1, code);
        Assert.Contains("03-fails: cell 2, line 3: InvalidOperationException: no data", stderr);
        var report = File.ReadAllText(Path.Combine(dir, "out", "03-fails.html"));
        Assert.Contains("failed: cell 2, line 3", report);
    }

    [Theory]
    [InlineData("render", "--bogus")]
    [InlineData("render", "--out")]
    [InlineData("--nope")]
    public void Unknown_or_incomplete_option_is_one_line_pointing_to_help(params string[] args)
    {
        var (code, stdout, stderr) = Evsc(args);
        EvSupplyChain.Tests.Cli.CliRuleTests.AssertOneLineError(code, stdout, stderr);
        Assert.Contains(" --help)", stderr);
    }

    [Fact]
    public void Unknown_notebook_name_is_a_one_line_error_listing_the_notebooks()
    {
        var (code, _, stderr) = Evsc("render", "no-such-notebook", "--out", Path.Combine(Path.GetTempPath(), "evsc-unknown"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: no notebook matches 'no-such-notebook'; the notebooks are: 00-getting-started, ", stderr);
        NoStackTrace(stderr);
    }

    [Theory]
    [InlineData("--set", "x")]
    [InlineData("--timeout", "0")]
    [InlineData("--parallel", "0")]
    public void Bad_render_option_values_are_one_line_errors(string option, string value)
    {
        var nb = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("1")));
        var (code, _, stderr) = Evsc("render", nb, option, value, "--out", Path.Combine(Path.GetTempPath(), "evsc-badopt"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        NoStackTrace(stderr);
    }

    [Fact]
    public void Set_on_a_notebook_without_a_parameters_cell_says_so()
    {
        var nb = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("1")), "09-plain.ipynb");
        var (code, _, stderr) = Evsc("render", nb, "--set", "year=2030", "--out", Path.Combine(Path.GetTempPath(), "evsc-noparams"));
        Assert.Equal(2, code);
        Assert.Contains("09-plain has no cell tagged 'parameters'", stderr);
    }

    [Fact]
    public void Help_is_available_for_render()
    {
        var (code, stdout, _) = Evsc("render", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--out", "--set", "--cdn", "--no-code", "--static-figures", "--timeout", "--parallel" })
            Assert.Contains(option, stdout);
    }

    [Fact]
    public void Missing_notebook_file_is_reported_not_thrown()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Notebook.Load("/nonexistent/x.ipynb"));
        Assert.Contains("/nonexistent/x.ipynb", e.Message);
        _ = JsonNode.Parse("{}");
    }
}
