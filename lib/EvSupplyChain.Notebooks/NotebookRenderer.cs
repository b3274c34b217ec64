using System.Diagnostics;
using System.Text.Json;

namespace EvSupplyChain.Notebooks;

/// <summary>One notebook's line in the index.</summary>
/// <param name="Name">File name without extension.</param>
/// <param name="Title">First heading.</param>
/// <param name="Succeeded">True when every cell ran.</param>
/// <param name="Duration">Wall time.</param>
/// <param name="Message">Why it failed (the first error).</param>
/// <param name="ReportFile">The HTML report, when written.</param>
/// <param name="ExecutedFile">The executed .ipynb, when written.</param>
/// <param name="Parameters">The injected parameter values, e.g. <c>focal="Chile", year=2030</c>; null for the defaults.</param>
/// <param name="Citation">The notebook's <c>Source:</c> line (markdown).</param>
public sealed record RenderEntry(string Name, string Title, bool Succeeded, TimeSpan Duration, string? Message, string? ReportFile, string? ExecutedFile,
    string? Parameters = null, string? Citation = null);

/// <summary>Settings of <see cref="NotebookRenderer"/>.</summary>
public sealed record RenderOptions
{
    /// <summary>Folder for executed notebooks, reports, assets/ and index.html.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Where reports load plotly.js and KaTeX from.</summary>
    public ReportAssets Assets { get; init; } = ReportAssets.Linked;

    /// <summary>Report settings (handout without code).</summary>
    public ReportOptions Report { get; init; } = new();

    /// <summary>Runner settings (timeout, parameters, progress).</summary>
    public RunnerOptions Runner { get; init; } = new();

    /// <summary>How many notebooks (kernel processes) run at once.</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>Adds a static image of every figure to the executed .ipynb (needs Chromium; see <see cref="StaticFigures"/>).</summary>
    public bool StaticFigures { get; init; }
}

/// <summary>Runs notebooks (up to <see cref="RenderOptions.Parallelism"/> at a time, each in its own kernel process) and
/// writes, per notebook, the executed .ipynb and an HTML report, then updates index.html: rows of notebooks rendered
/// now are replaced, the others kept. A notebook that fails (or cannot be read) is marked failed; the others still run.</summary>
public static class NotebookRenderer
{
    /// <summary>The index's data, kept beside index.html so a partial render can keep the other rows.</summary>
    public const string IndexData = "index.json";

    /// <summary>Renders <paramref name="notebooks"/>; <paramref name="starting"/> and <paramref name="finished"/> report progress
    /// with the notebook's position in the list. <paramref name="cellStarting"/> reports cells per notebook position.</summary>
    public static async Task<IReadOnlyList<RenderEntry>> RenderAsync(IReadOnlyList<string> notebooks, RenderOptions options,
        Action<int, string>? starting = null, Action<int, RenderEntry>? finished = null, Action<int, NotebookCell, int, int>? cellStarting = null,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var entries = new RenderEntry[notebooks.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var tasks = notebooks.Select(async (path, i) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var name = Path.GetFileNameWithoutExtension(path);
                starting?.Invoke(i, name);
                var runner = options.Runner with { CellStarting = cellStarting is null ? options.Runner.CellStarting : (c, k, n) => cellStarting(i, c, k, n) };
                entries[i] = await Task.Run(() => RenderOneAsync(path, runner, options, cancellationToken), cancellationToken);
                finished?.Invoke(i, entries[i]);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        WriteIndex(options.OutputDirectory, entries);
        return entries;
    }

    private static async Task<RenderEntry> RenderOneAsync(string path, RunnerOptions runner, RenderOptions options, CancellationToken ct)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var watch = Stopwatch.StartNew();
        var parameters = runner.Parameters.Count == 0 ? null : ReportWriter.FormatParameters(runner.Parameters);
        Notebook? notebook = null;
        try
        {
            notebook = Notebook.Load(path);
            var result = await new NotebookRunner(runner).RunAsync(notebook, ct);
            var ipynb = Path.Combine(options.OutputDirectory, name + ".ipynb");
            var html = Path.Combine(options.OutputDirectory, name + ".html");
            var images = options.StaticFigures ? await StaticFigures.RenderAsync(result, ct) : null;
            NotebookWriter.Write(result, ipynb, images);
            await File.WriteAllTextAsync(html, ReportWriter.Report(result, options.Assets, name + ".ipynb", options.Report), ct);
            return new RenderEntry(name, notebook.Title, result.Succeeded, result.Duration, result.Failure?.ToString(), html, ipynb, parameters, notebook.Citation);
        }
        catch (Exception e) when (e is NotebookFormatException or FileNotFoundException or IOException or UnauthorizedAccessException or ParameterException
            or InvalidOperationException /* static figures: Chromium failed */)
        {
            return new RenderEntry(name, notebook?.Title ?? name, false, watch.Elapsed, e.Message, null, null, parameters, notebook?.Citation);
        }
    }

    /// <summary>Writes index.html from the rows already there (index.json) with <paramref name="rendered"/> replacing theirs.</summary>
    public static IReadOnlyList<RenderEntry> WriteIndex(string outputDirectory, IEnumerable<RenderEntry> rendered)
    {
        var data = Path.Combine(outputDirectory, IndexData);
        var rows = new SortedDictionary<string, RenderEntry>(StringComparer.Ordinal);
        if (File.Exists(data))
        {
            try
            {
                foreach (var e in JsonSerializer.Deserialize<RenderEntry[]>(File.ReadAllText(data)) ?? []) rows[e.Name] = e;
            }
            catch (JsonException)
            {
                // an unreadable index is rebuilt from this render
            }
        }
        foreach (var e in rendered) rows[e.Name] = e;
        var all = rows.Values.ToArray();
        File.WriteAllText(data, JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(outputDirectory, "index.html"), ReportWriter.Index(all));
        return all;
    }

    /// <summary>Every <c>*.ipynb</c> and <c>*.dib</c> in <paramref name="folder"/>, by name.</summary>
    public static IReadOnlyList<string> NotebooksIn(string folder) =>
        Directory.GetFiles(folder, "*.ipynb").Concat(Directory.GetFiles(folder, "*.dib"))
            .Where(f => !f.EndsWith(".executed.ipynb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

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

    /// <summary>
    /// The notebook a name means: an existing file path; else, among <paramref name="available"/>, the file name (with or
    /// without extension), its number (<c>03</c> or <c>3</c>) or one of the words of its name (<c>cathode</c>).
    /// </summary>
    /// <exception cref="ArgumentException">No notebook or several match; the message lists the notebooks.</exception>
    public static string Resolve(string name, IReadOnlyList<string> available)
    {
        if (File.Exists(name)) return Path.GetFullPath(name);
        var stems = available.Select(p => (Path: p, Stem: Path.GetFileNameWithoutExtension(p))).ToArray();
        var key = name.Trim().ToLowerInvariant();
        var matches = stems.Where(s => s.Stem.Equals(key, StringComparison.OrdinalIgnoreCase) || Path.GetFileName(s.Path).Equals(key, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (matches.Length == 0 && int.TryParse(key, out var number))
            matches = stems.Where(s => s.Stem.Split('-')[0] is var n && int.TryParse(n, out var m) && m == number).ToArray();
        if (matches.Length == 0)
            matches = stems.Where(s => s.Stem.ToLowerInvariant().Split('-').Contains(key) || (key.Contains('-') && s.Stem.Contains(key, StringComparison.OrdinalIgnoreCase))).ToArray();
        var list = "the notebooks are: " + string.Join(", ", stems.Select(s => s.Stem));
        return matches.Length switch
        {
            1 => matches[0].Path,
            0 => throw new ArgumentException($"no notebook matches '{name}'; {list}."),
            _ => throw new ArgumentException($"'{name}' matches several notebooks ({string.Join(", ", matches.Select(m => m.Stem))}); {list}."),
        };
    }
}
