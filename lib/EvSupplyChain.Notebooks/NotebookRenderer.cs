using System.Diagnostics;

namespace EvSupplyChain.Notebooks;

/// <summary>One notebook's line in the index.</summary>
/// <param name="Name">File name without extension.</param>
/// <param name="Title">First heading.</param>
/// <param name="Succeeded">True when every cell ran.</param>
/// <param name="Duration">Wall time.</param>
/// <param name="Message">Why it failed.</param>
/// <param name="ReportFile">The HTML report, when written.</param>
/// <param name="ExecutedFile">The executed .ipynb, when written.</param>
public sealed record RenderEntry(string Name, string Title, bool Succeeded, TimeSpan Duration, string? Message, string? ReportFile, string? ExecutedFile);

/// <summary>Settings of <see cref="NotebookRenderer"/>.</summary>
public sealed record RenderOptions
{
    /// <summary>Folder for executed notebooks, reports and index.html.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Where reports load plotly.js from.</summary>
    public PlotlySource Plotly { get; init; } = new();

    /// <summary>Runner settings.</summary>
    public RunnerOptions Runner { get; init; } = new();
}

/// <summary>Runs notebooks one after another and writes, per notebook, the executed .ipynb and an HTML report, then index.html.
/// A notebook that fails (or cannot be read) is marked failed; the others still run.</summary>
public static class NotebookRenderer
{
    /// <summary>Renders <paramref name="notebooks"/>; <paramref name="starting"/> and <paramref name="finished"/> report progress.</summary>
    public static async Task<IReadOnlyList<RenderEntry>> RenderAsync(IEnumerable<string> notebooks, RenderOptions options,
        Action<string>? starting = null, Action<RenderEntry>? finished = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var runner = new NotebookRunner(options.Runner);
        var entries = new List<RenderEntry>();
        foreach (var path in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            starting?.Invoke(name);
            var watch = Stopwatch.StartNew();
            RenderEntry entry;
            try
            {
                var result = await runner.RunAsync(Notebook.Load(path), cancellationToken);
                var ipynb = Path.Combine(options.OutputDirectory, name + ".ipynb");
                var html = Path.Combine(options.OutputDirectory, name + ".html");
                NotebookWriter.Write(result, ipynb);
                File.WriteAllText(html, ReportWriter.Report(result, options.Plotly, name + ".ipynb"));
                entry = new RenderEntry(name, result.Notebook.Title, result.Succeeded, result.Duration, result.Failure?.ToString(), html, ipynb);
            }
            catch (Exception e) when (e is NotebookFormatException or FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                entry = new RenderEntry(name, name, false, watch.Elapsed, e.Message, null, null);
            }
            entries.Add(entry);
            finished?.Invoke(entry);
        }
        File.WriteAllText(Path.Combine(options.OutputDirectory, "index.html"), ReportWriter.Index(entries));
        return entries;
    }

    /// <summary>Every <c>*.ipynb</c> in <paramref name="folder"/>, by name.</summary>
    public static IReadOnlyList<string> NotebooksIn(string folder) =>
        Directory.GetFiles(folder, "*.ipynb").Where(f => !f.EndsWith(".executed.ipynb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The nearest <c>notebooks/</c> folder at or above <paramref name="start"/>, or null.</summary>
    public static string? FindNotebookFolder(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "notebooks");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
