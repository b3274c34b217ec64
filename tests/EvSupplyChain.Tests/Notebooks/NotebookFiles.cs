using System.Collections.Concurrent;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>The repository's notebooks, each executed once per test run and shared by the tests that need the result.</summary>
public static class NotebookFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Rendered>>> Cache = new();

    /// <summary>notebooks/ in the repository.</summary>
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "notebooks");

    /// <summary>The local plotly.js that `npm ci` installs.</summary>
    public static string PlotlyJs => Path.Combine(TestPaths.RepoRoot, "node_modules", "plotly.js-dist-min", "plotly.min.js");

    /// <summary>Where the shared run writes its reports.</summary>
    public static string ReportFolder { get; } = Path.Combine(Path.GetTempPath(), $"evsc-tests-{Environment.ProcessId}", "reports");

    /// <summary>Every notebooks/*.ipynb file name, for theories.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var f in Files()) data.Add(f);
        return data;
    }

    /// <summary>Every notebooks/*.ipynb file name.</summary>
    public static string[] Files() => NotebookRenderer.NotebooksIn(Folder).Select(f => Path.GetFileName(f)).ToArray();

    /// <summary>The notebook executed once, with its report written (plotly.js inlined when node_modules has it).</summary>
    public static Task<Rendered> RenderAsync(string fileName) =>
        Cache.GetOrAdd(fileName, f => new Lazy<Task<Rendered>>(() => Task.Run(() => RunAndWrite(f)))).Value;

    private static async Task<Rendered> RunAndWrite(string fileName)
    {
        var result = await new NotebookRunner().RunAsync(Path.Combine(Folder, fileName));
        Directory.CreateDirectory(ReportFolder);
        var name = Path.GetFileNameWithoutExtension(fileName);
        var plotly = File.Exists(PlotlyJs) ? PlotlySource.Offline(PlotlyJs) : new PlotlySource();
        var report = Path.Combine(ReportFolder, name + ".html");
        NotebookWriter.Write(result, Path.Combine(ReportFolder, name + ".ipynb"));
        await File.WriteAllTextAsync(report, ReportWriter.Report(result, plotly, name + ".ipynb"));
        return new Rendered(result, report, plotly.InlineScript is not null);
    }

    /// <summary>What a failed run shows in a test message: the failure and every error output.</summary>
    public static string Describe(NotebookResult result) =>
        $"{result.Notebook.Name}: {result.Failure}\n" + string.Join("\n", result.Cells.SelectMany(c => c.Outputs)
            .Where(o => o.Kind == OutputKind.Error || o.StreamName == "stderr").Select(o => o.Text));
}

/// <summary>An executed notebook and its HTML report.</summary>
/// <param name="Result">The run.</param>
/// <param name="ReportPath">The written report.</param>
/// <param name="Offline">True when plotly.js is inlined.</param>
public sealed record Rendered(NotebookResult Result, string ReportPath, bool Offline);
