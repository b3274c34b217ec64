namespace EvSupplyChain.Notebooks;

/// <summary>How a report gets plotly.js and KaTeX.</summary>
public enum AssetMode
{
    /// <summary>Links the shared copies in <c>assets/</c> beside the reports (the default: offline, one copy for all reports).</summary>
    Linked,

    /// <summary>Links the public CDN copies of the same versions (<c>--cdn</c>).</summary>
    Cdn,

    /// <summary>Inlines plotly.js into the page (a single-file report, used by tests).</summary>
    Inline,
}

/// <summary>The scripts and styles reports use: plotly.js and KaTeX, pinned in package.json.</summary>
/// <param name="Mode">Linked, CDN or inlined.</param>
/// <param name="InlinePlotly">For <see cref="AssetMode.Inline"/>, the text of plotly.min.js.</param>
public sealed record ReportAssets(AssetMode Mode = AssetMode.Linked, string? InlinePlotly = null)
{
    /// <summary>The plotly.js version package.json pins.</summary>
    public const string PlotlyVersion = "4.1.2";

    /// <summary>The KaTeX version package.json pins.</summary>
    public const string KatexVersion = "0.19.1";

    /// <summary>Where the assets sit relative to the reports.</summary>
    public const string Folder = "assets";

    /// <summary>The shared copies in <c>assets/</c>.</summary>
    public static ReportAssets Linked { get; } = new();

    /// <summary>The public CDN copies.</summary>
    public static ReportAssets Cdn { get; } = new(AssetMode.Cdn);

    /// <summary>plotly.js read from <paramref name="file"/> and inlined (KaTeX then comes from the CDN).</summary>
    public static ReportAssets Inline(string file) =>
        File.Exists(file) ? new ReportAssets(AssetMode.Inline, File.ReadAllText(file))
            : throw new FileNotFoundException($"plotly.js file '{file}' does not exist (run `npm ci` to get node_modules/plotly.js-dist-min/plotly.min.js).", file);

    /// <summary>The plotly.js script URL.</summary>
    public string PlotlyUrl => Mode == AssetMode.Linked ? $"{Folder}/plotly.min.js" : $"https://cdn.plot.ly/plotly-{PlotlyVersion}.min.js";

    /// <summary>The KaTeX script URL.</summary>
    public string KatexScriptUrl => Mode == AssetMode.Linked ? $"{Folder}/katex/katex.min.js" : $"https://cdn.jsdelivr.net/npm/katex@{KatexVersion}/dist/katex.min.js";

    /// <summary>The KaTeX stylesheet URL.</summary>
    public string KatexStyleUrl => Mode == AssetMode.Linked ? $"{Folder}/katex/katex.min.css" : $"https://cdn.jsdelivr.net/npm/katex@{KatexVersion}/dist/katex.min.css";

    /// <summary>The files <c>npm ci</c> installs that <see cref="CopyTo"/> needs, relative to node_modules.</summary>
    public static readonly string[] Sources = ["plotly.js-dist-min/plotly.min.js", "katex/dist/katex.min.js", "katex/dist/katex.min.css", "katex/dist/fonts"];

    /// <summary>The nearest <c>node_modules</c> holding both packages at or above <paramref name="start"/>, or null.</summary>
    public static string? FindNodeModules(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "node_modules");
            if (Sources.All(s => Path.Exists(Path.Combine(candidate, s)))) return candidate;
        }
        return null;
    }

    /// <summary>Copies plotly.js and KaTeX (script, stylesheet, woff2 fonts) from <paramref name="nodeModules"/> to
    /// <c>reportFolder/assets/</c>, skipping files already there with the same size.</summary>
    public static void CopyTo(string reportFolder, string nodeModules)
    {
        var assets = Path.Combine(reportFolder, Folder);
        Copy(Path.Combine(nodeModules, Sources[0]), Path.Combine(assets, "plotly.min.js"));
        Copy(Path.Combine(nodeModules, Sources[1]), Path.Combine(assets, "katex", "katex.min.js"));
        Copy(Path.Combine(nodeModules, Sources[2]), Path.Combine(assets, "katex", "katex.min.css"));
        foreach (var font in Directory.GetFiles(Path.Combine(nodeModules, Sources[3]), "*.woff2"))
            Copy(font, Path.Combine(assets, "katex", "fonts", Path.GetFileName(font)));
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(to) && new FileInfo(to).Length == new FileInfo(from).Length) return;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }
}

/// <summary>The former name of a single-file report's plotly.js source, kept for callers that inline it.</summary>
public static class PlotlySource
{
    /// <summary>plotly.js read from <paramref name="file"/> and inlined into each report.</summary>
    public static ReportAssets Offline(string file) => ReportAssets.Inline(file);
}
