using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Notebooks;
using Spectre.Console;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc render</c>: executes notebooks on the .NET Interactive kernel and writes executed copies, HTML reports and the index.</summary>
public static class RenderCommand
{
    /// <summary>What <see cref="Run"/> takes besides the notebooks.</summary>
    internal sealed record Settings
    {
        public string? OutDir { get; init; }
        public double TimeoutSeconds { get; init; } = 120;
        public string[] Set { get; init; } = [];
        public bool Cdn { get; init; }
        public bool NoCode { get; init; }
        public bool StaticFigures { get; init; }
        public int Parallel { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

        /// <summary>The notebooks/ folder names resolve in (default: the nearest one at or above the working directory).</summary>
        public string? NotebookFolder { get; init; }
    }

    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks to render: a path, a file name, a number (03) or a word of the name (cathode). Default: every notebooks/*.ipynb.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outDir = new Option<string?>("--out") { Description = "Folder for executed notebooks, HTML reports, assets/ and index.html (default: reports/ next to notebooks/).", HelpName = "DIR" };
        var timeout = CliOutput.Double("--timeout", "Seconds a single cell may run; then its kernel process is stopped.", 120, min: 0.001);
        timeout.HelpName = "SECONDS";
        var set = new Option<string[]>("--set") { Description = "Set a parameter declared in the notebook's 'parameters' cell, e.g. --set year=2030 --set focal=Indonesia.", HelpName = "NAME=VALUE", AllowMultipleArgumentsPerToken = false };
        var cdn = new Option<bool>("--cdn") { Description = "Reports load plotly.js and KaTeX from the public CDN instead of reports/assets/." };
        var noCode = new Option<bool>("--no-code") { Description = "Write handouts: prose, tables and figures without the code cells." };
        var staticFigures = new Option<bool>("--static-figures") { Description = "Also store an SVG of every figure in the executed .ipynb (for GitHub/nbviewer; needs Chromium)." };
        var parallel = CliOutput.Int("--parallel", "Notebooks (kernel processes) run at once.", Math.Clamp(Environment.ProcessorCount, 1, 2), min: 1, max: 64);
        parallel.HelpName = "N";
        var cmd = new Command("render", "Execute notebooks on the .NET Interactive C# kernel and write executed .ipynb files, HTML reports and index.html.");
        // A ZeroOrMore string argument would swallow a mistyped option as a notebook name.
        notebooks.Validators.Add(r =>
        {
            foreach (var t in r.Tokens.Where(t => t.Value.StartsWith('-')))
                r.AddError($"Unrecognized option '{t.Value}'.");
        });
        cmd.Arguments.Add(notebooks);
        foreach (var o in new Option[] { outDir, timeout, set, cdn, noCode, staticFigures, parallel }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            var (stdout, stderr) = (pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error);
            try
            {
                var settings = new Settings
                {
                    OutDir = pr.GetValue(outDir), TimeoutSeconds = pr.GetValue(timeout), Set = pr.GetValue(set) ?? [], Cdn = pr.GetValue(cdn),
                    NoCode = pr.GetValue(noCode), StaticFigures = pr.GetValue(staticFigures), Parallel = pr.GetValue(parallel),
                };
                return Run(pr.GetValue(notebooks) ?? [], settings, stdout, stderr);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or ParameterException or InvalidOperationException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }

    /// <summary>Renders and returns the exit code: 0 when every notebook passed, 1 otherwise. Progress is a live
    /// display per notebook on a terminal (or on <paramref name="live"/>), else one line per notebook.</summary>
    /// <exception cref="ArgumentException">An unknown notebook name or option value (nothing is rendered, the index is untouched).</exception>
    internal static int Run(string[] notebooks, Settings settings, TextWriter stdout, TextWriter stderr, IAnsiConsole? live = null)
    {
        if (!(settings.TimeoutSeconds > 0)) throw new ArgumentException($"--timeout must be more than 0 seconds (got {settings.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}).");
        if (settings.Parallel < 1) throw new ArgumentException($"--parallel must be at least 1 (got {settings.Parallel}).");
        var folder = settings.NotebookFolder ?? NotebookRenderer.FindNotebookFolder(Directory.GetCurrentDirectory());
        var available = folder is null ? [] : NotebookRenderer.NotebooksIn(folder);
        string[] paths;
        if (notebooks.Length > 0) paths = notebooks.Select(n => NotebookRenderer.Resolve(n, available)).Distinct().ToArray();
        else if (folder is null) throw new DirectoryNotFoundException("No notebooks/ folder at or above the working directory; name the notebooks to render.");
        else paths = [.. available];
        if (paths.Length == 0) throw new FileNotFoundException($"No notebooks in '{folder}'.");
        var parameters = Parameters.ParseAssignments(settings.Set);
        foreach (var path in paths) CheckParameters(path, parameters);
        var output = Path.GetFullPath(settings.OutDir ?? Path.Combine(folder is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(folder)!, "reports"));
        if (settings.StaticFigures && StaticFigures.MissingReason(Path.GetDirectoryName(paths[0])!) is { } why) throw new InvalidOperationException(why);
        var options = new RenderOptions
        {
            OutputDirectory = output,
            Assets = Assets(settings.Cdn, output, Path.GetDirectoryName(paths[0])!, stderr),
            Report = new ReportOptions(settings.NoCode),
            Runner = new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds), Parameters = parameters },
            Parallelism = settings.Parallel,
            StaticFigures = settings.StaticFigures,
        };
        live ??= IsTerminal(stdout) ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Interactive = InteractionSupport.Yes }) : null;
        var entries = live is null ? RenderWithLines(paths, options, stdout, stderr) : RenderWithProgress(paths, options, live, stderr);
        var failed = entries.Count(e => !e.Succeeded);
        stdout.WriteLine($"{entries.Count - failed} passed, {failed} failed; reports in {output}{Path.DirectorySeparatorChar}index.html");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Fails before anything runs when a <c>--set</c> name is not a parameter of a notebook.</summary>
    private static void CheckParameters(string path, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0) return;
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (NotebookFormatException)
        {
            return; // reported as that notebook's failure
        }
        Parameters.Inject(notebook, parameters);
    }

    /// <summary>The shared assets/ copy (made from node_modules), or the CDN when asked or when node_modules is missing.</summary>
    private static ReportAssets Assets(bool cdn, string output, string notebookFolder, TextWriter stderr)
    {
        if (cdn) return ReportAssets.Cdn;
        var nodeModules = ReportAssets.FindNodeModules(notebookFolder) ?? ReportAssets.FindNodeModules(Directory.GetCurrentDirectory());
        if (nodeModules is null)
        {
            stderr.WriteLine("warning: node_modules with plotly.js-dist-min and katex not found; run `npm ci` in the repository root for offline reports. These reports load them from the CDN.");
            return ReportAssets.Cdn;
        }
        ReportAssets.CopyTo(output, nodeModules);
        return ReportAssets.Linked;
    }

    /// <summary>True when <paramref name="stdout"/> is the process's console and that is a terminal.</summary>
    private static bool IsTerminal(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null or "";

    /// <summary>One line per notebook as it finishes, for logs and redirected output.</summary>
    private static IReadOnlyList<RenderEntry> RenderWithLines(string[] paths, RenderOptions options, TextWriter stdout, TextWriter stderr)
    {
        var done = 0;
        var gate = new object();
        return NotebookRenderer.RenderAsync(paths, options, finished: (_, e) =>
        {
            lock (gate)
            {
                stdout.WriteLine($"[{++done}/{paths.Length}] {e.Name} ... " + (e.Succeeded ? "passed" : "FAILED") + " (" + Seconds(e.Duration) + ")");
                if (!e.Succeeded) stderr.WriteLine($"  {e.Name}: {e.Message}");
            }
        }).GetAwaiter().GetResult();
    }

    /// <summary>A live display: one row per notebook with its current cell, a bar over its C# cells and the elapsed time.</summary>
    private static IReadOnlyList<RenderEntry> RenderWithProgress(string[] paths, RenderOptions options, IAnsiConsole console, TextWriter stderr)
    {
        IReadOnlyList<RenderEntry> entries = [];
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var names = paths.Select(p => Markup.Escape(Path.GetFileNameWithoutExtension(p))).ToArray();
                var tasks = names.Select(n => ctx.AddTask($"[grey]{n}[/]", autoStart: false, maxValue: 1)).ToArray();
                entries = NotebookRenderer.RenderAsync(paths, options,
                    starting: (i, _) =>
                    {
                        tasks[i].Description = names[i];
                        tasks[i].StartTask();
                    },
                    finished: (i, e) =>
                    {
                        var task = tasks[i];
                        task.Description = e.Succeeded ? $"[green]passed[/] {names[i]}" : $"[red]FAILED[/] {names[i]} [red]{Markup.Escape(e.Message ?? "")}[/]";
                        task.Value = task.MaxValue;
                        task.StopTask();
                    },
                    cellStarting: (i, cell, index, count) =>
                    {
                        var task = tasks[i];
                        task.MaxValue = count;
                        task.Value = index - 1;
                        task.Description = $"{names[i]} [grey]cell {cell.Number} ({index}/{count})[/]";
                    }).GetAwaiter().GetResult();
            });
        foreach (var e in entries.Where(e => !e.Succeeded)) stderr.WriteLine($"  {e.Name}: {e.Message}");
        return entries;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
