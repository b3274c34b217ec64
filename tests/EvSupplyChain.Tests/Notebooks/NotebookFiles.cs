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

    /// <summary>The notebook executed once, with its report written (linking the shared assets/ copied from node_modules
    /// when it is there, else the CDN).</summary>
    public static Task<Rendered> RenderAsync(string fileName) =>
        Cache.GetOrAdd(fileName, f => new Lazy<Task<Rendered>>(() => Task.Run(() => RunAndWrite(f)))).Value;

    private static async Task<Rendered> RunAndWrite(string fileName)
    {
        var result = await new NotebookRunner().RunAsync(Path.Combine(Folder, fileName));
        Directory.CreateDirectory(ReportFolder);
        var name = Path.GetFileNameWithoutExtension(fileName);
        var nodeModules = ReportAssets.FindNodeModules(TestPaths.RepoRoot);
        if (nodeModules is not null) ReportAssets.CopyTo(ReportFolder, nodeModules);
        var assets = nodeModules is null ? ReportAssets.Cdn : ReportAssets.Linked;
        var report = Path.Combine(ReportFolder, name + ".html");
        NotebookWriter.Write(result, Path.Combine(ReportFolder, name + ".ipynb"));
        await File.WriteAllTextAsync(report, ReportWriter.Report(result, assets, name + ".ipynb"));
        return new Rendered(result, report, assets.Mode == AssetMode.Linked);
    }

    /// <summary>What a failed run shows in a test message: the failure and every error output.</summary>
    public static string Describe(NotebookResult result) =>
        $"{result.Notebook.Name}: {result.Failure}\n" + string.Join("\n", result.Cells.SelectMany(c => c.Outputs)
            .Where(o => o.Kind == OutputKind.Error || o.StreamName == "stderr").Select(o => o.Text));
}

/// <summary>An executed notebook and its HTML report.</summary>
/// <param name="Result">The run.</param>
/// <param name="ReportPath">The written report.</param>
/// <param name="Offline">True when the report links the local assets/ copies (no network needed).</param>
public sealed record Rendered(NotebookResult Result, string ReportPath, bool Offline);
