using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Notebooks;

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
        var timeout = new Option<double>("--timeout") { Description = "Seconds a single cell may run.", DefaultValueFactory = _ => 120, HelpName = "SECONDS" };
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

    /// <summary>Renders and returns the exit code: 0 when every notebook passed, 1 otherwise.</summary>
    internal static int Run(string[] notebooks, string? outDir, string? offline, double timeoutSeconds, TextWriter stdout, TextWriter stderr)
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
        var n = 0;
        var entries = NotebookRenderer.RenderAsync(paths, options,
            name => stdout.Write($"[{++n}/{paths.Length}] {name} ... "),
            e =>
            {
                stdout.WriteLine((e.Succeeded ? "passed" : "FAILED") + " (" + e.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s)");
                if (!e.Succeeded) stderr.WriteLine($"  {e.Name}: {e.Message}");
            }).GetAwaiter().GetResult();
        var failed = entries.Count(e => !e.Succeeded);
        stdout.WriteLine($"{entries.Count - failed} passed, {failed} failed; reports in {output}{Path.DirectorySeparatorChar}index.html");
        return failed == 0 ? 0 : 1;
    }
}
