using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace EvSupplyChain.Notebooks;

/// <summary>
/// Static SVG renderings of a notebook's figures, for viewers that run no scripts (GitHub, nbviewer): headless Chromium
/// opens a page with the pinned plotly.js that turns each figure into SVG with <c>Plotly.toImage</c> and prints the DOM.
/// </summary>
public static partial class StaticFigures
{
    /// <summary>The Chromium executable: <c>EVSC_CHROMIUM</c>, else <c>/usr/bin/chromium</c> or <c>chromium</c> on PATH; null when none.</summary>
    public static string? Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("EVSC_CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        foreach (var dir in new[] { "/usr/bin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Why static figures cannot be made here, or null.</summary>
    public static string? MissingReason(string notebookFolder) =>
        Chromium() is null ? "--static-figures needs Chromium (apt-get install chromium, or set EVSC_CHROMIUM)"
        : ReportAssets.FindNodeModules(notebookFolder) is null ? "--static-figures needs node_modules/plotly.js-dist-min (run `npm ci`)"
        : null;

    /// <summary>An SVG per figure output, keyed by (cell index, output index); empty when the notebook has no figure.</summary>
    /// <exception cref="InvalidOperationException">Chromium or plotly.js is missing, or Chromium failed.</exception>
    public static async Task<IReadOnlyDictionary<(int Cell, int Output), (string Mime, string Data)>> RenderAsync(NotebookResult result, CancellationToken ct = default)
    {
        var figures = new List<((int, int) At, string Json)>();
        foreach (var cr in result.Cells)
        {
            for (var i = 0; i < cr.Outputs.Count; i++)
                if (cr.Outputs[i].Data.TryGetValue("application/vnd.plotly.v1+json", out var json)) figures.Add(((cr.Cell.Index, i), json));
        }
        var images = new Dictionary<(int, int), (string, string)>();
        if (figures.Count == 0) return images;
        if (MissingReason(result.Notebook.Directory) is { } why) throw new InvalidOperationException(why);
        var plotly = Path.Combine(ReportAssets.FindNodeModules(result.Notebook.Directory)!, ReportAssets.Sources[0]);
        var dir = Directory.CreateTempSubdirectory("evsc-static-").FullName;
        try
        {
            var page = Path.Combine(dir, "figures.html");
            var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script src=\"")
                .Append(new Uri(plotly).AbsoluteUri).Append("\"></script></head><body><script>var figs = [");
            html.AppendJoin(",", figures.Select(f => f.Json.Replace("</", "<\\/", StringComparison.Ordinal)));
            html.Append("""
];
Promise.all(figs.map(function (f, i) {
  var w = (f.layout && f.layout.width) || 900, h = (f.layout && f.layout.height) || 450;
  return Plotly.toImage({ data: f.data, layout: f.layout }, { format: 'svg', width: w, height: h }).then(function (url) {
    var pre = document.createElement('pre'); pre.id = 'fig-' + i; pre.textContent = url; document.body.appendChild(pre);
  });
})).then(function () { var d = document.createElement('div'); d.id = 'done'; document.body.appendChild(d); });
</script></body></html>
""");
            await File.WriteAllTextAsync(page, html.ToString(), ct);
            var dom = await DumpDomAsync(page, ct);
            for (var i = 0; i < figures.Count; i++)
            {
                var m = Regex.Match(dom, $"<pre id=\"fig-{i}\">(.*?)</pre>", RegexOptions.Singleline);
                if (!m.Success) throw new InvalidOperationException($"Chromium drew no SVG for figure {i + 1} of {result.Notebook.Name}");
                var url = WebUtility.HtmlDecode(m.Groups[1].Value);
                var comma = url.IndexOf(',', StringComparison.Ordinal);
                images[figures[i].At] = ("image/svg+xml", Uri.UnescapeDataString(url[(comma + 1)..]));
            }
            return images;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> DumpDomAsync(string page, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(Chromium()!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=60000", "--dump-dom", new Uri(page).AbsoluteUri })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start Chromium");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException("Chromium did not finish drawing the figures within 2 minutes");
        }
        var dom = await stdout;
        if (!dom.Contains("id=\"done\"", StringComparison.Ordinal))
            throw new InvalidOperationException("Chromium did not draw the figures: " + (await stderr).Split('\n').FirstOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal)));
        return dom;
    }
}
