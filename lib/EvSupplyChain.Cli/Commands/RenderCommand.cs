using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Notebooks;
using Spectre.Console;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc render</c>: executes notebooks and writes executed copies and HTML reports.</summary>
public static class RenderCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Notebooks to render (default: every notebooks/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string?>("--out") { Description = "Folder for executed notebooks, HTML reports and index.html (default: reports/ next to notebooks/).", HelpName = "DIR" };
        var offline = new Option<string?>("--offline") { Description = "Inline this local plotly.min.js once per report instead of loading it from the CDN (e.g. node_modules/plotly.js-dist-min/plotly.min.js).", HelpName = "FILE" };
        var timeout = CliOutput.Double("--timeout", "Seconds a single cell may run.", 120, min: 0.001);
        timeout.HelpName = "SECONDS";
        var cmd = new Command("render", "Execute notebooks and write executed .ipynb files, HTML reports and index.html.");
        // A ZeroOrMore string argument would swallow a mistyped option as a file name.
        notebooks.Validators.Add(r =>
        {
            foreach (var t in r.Tokens.Where(t => t.Value.StartsWith('-')))
                r.AddError($"Unrecognized option '{t.Value}'.");
        });
        cmd.Arguments.Add(notebooks);
        cmd.Options.Add(outDir);
        cmd.Options.Add(offline);
        cmd.Options.Add(timeout);
        cmd.SetAction(pr =>
        {
            var (stdout, stderr) = (pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error);
            try
            {
                return Run(pr.GetValue(notebooks) ?? [], pr.GetValue(outDir), pr.GetValue(offline), pr.GetValue(timeout), stdout, stderr);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }

    /// <summary>Renders and returns the exit code: 0 when every notebook passed, 1 otherwise. Progress is a live
    /// display per notebook on a terminal (or on <paramref name="live"/>), else one line per notebook.</summary>
    internal static int Run(string[] notebooks, string? outDir, string? offline, double timeoutSeconds, TextWriter stdout, TextWriter stderr,
        IAnsiConsole? live = null)
    {
        if (timeoutSeconds <= 0) throw new ArgumentOutOfRangeException(nameof(timeoutSeconds), timeoutSeconds, "--timeout must be > 0 seconds.");
        var folder = NotebookRenderer.FindNotebookFolder(Directory.GetCurrentDirectory());
        string[] paths;
        if (notebooks.Length > 0) paths = notebooks;
        else if (folder is null) throw new DirectoryNotFoundException("No notebooks/ folder at or above the working directory; name the notebooks to render.");
        else paths = [.. NotebookRenderer.NotebooksIn(folder)];
        if (paths.Length == 0) throw new FileNotFoundException($"No .ipynb files in '{folder}'.");
        var output = Path.GetFullPath(outDir ?? Path.Combine(folder is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(folder)!, "reports"));
        var options = new RenderOptions
        {
            OutputDirectory = output,
            Plotly = offline is null ? new PlotlySource() : PlotlySource.Offline(offline),
            Runner = new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(timeoutSeconds) },
        };
        live ??= IsTerminal(stdout) ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Interactive = InteractionSupport.Yes }) : null;
        var entries = live is null ? RenderWithLines(paths, options, stdout, stderr) : RenderWithProgress(paths, options, live, stderr);
        var failed = entries.Count(e => !e.Succeeded);
        stdout.WriteLine($"{entries.Count - failed} passed, {failed} failed; reports in {output}{Path.DirectorySeparatorChar}index.html");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>True when <paramref name="stdout"/> is the process's console and that is a terminal.</summary>
    private static bool IsTerminal(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null or "";

    /// <summary>One line per notebook, for logs and redirected output.</summary>
    private static IReadOnlyList<RenderEntry> RenderWithLines(string[] paths, RenderOptions options, TextWriter stdout, TextWriter stderr)
    {
        var n = 0;
        return NotebookRenderer.RenderAsync(paths, options,
            name => stdout.Write($"[{++n}/{paths.Length}] {name} ... "),
            e =>
            {
                stdout.WriteLine((e.Succeeded ? "passed" : "FAILED") + " (" + Seconds(e.Duration) + ")");
                if (!e.Succeeded) stderr.WriteLine($"  {e.Name}: {e.Message}");
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
                var current = -1;
                var runner = options.Runner with
                {
                    CellStarting = (cell, index, count) =>
                    {
                        var task = tasks[current];
                        task.MaxValue = count;
                        task.Value = index - 1;
                        task.Description = $"{names[current]} [grey]cell {cell.Number} ({index}/{count})[/]";
                    },
                };
                entries = NotebookRenderer.RenderAsync(paths, options with { Runner = runner },
                    _ =>
                    {
                        current++;
                        tasks[current].Description = names[current];
                        tasks[current].StartTask();
                    },
                    e =>
                    {
                        var task = tasks[current];
                        task.Description = e.Succeeded ? $"[green]passed[/] {names[current]}" : $"[red]FAILED[/] {names[current]} [red]{Markup.Escape(e.Message ?? "")}[/]";
                        task.Value = task.MaxValue;
                        task.StopTask();
                    }).GetAwaiter().GetResult();
            });
        foreach (var e in entries.Where(e => !e.Succeeded)) stderr.WriteLine($"  {e.Name}: {e.Message}");
        return entries;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
