using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Markdig;

namespace EvSupplyChain.Notebooks;

/// <summary>Where an HTML report gets plotly.js from.</summary>
/// <param name="InlineScript">The text of a local plotly.min.js to inline once per report; null to use <see cref="CdnUrl"/>.</param>
public sealed record PlotlySource(string? InlineScript = null)
{
    /// <summary>The public CDN copy, the same version as package.json pins.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-4.1.2.min.js";

    /// <summary>Reads a local plotly.min.js to inline.</summary>
    public static PlotlySource Offline(string file) =>
        File.Exists(file) ? new PlotlySource(File.ReadAllText(file)) : throw new FileNotFoundException($"plotly.js file '{file}' does not exist (run `npm ci` to get node_modules/plotly.js-dist-min/plotly.min.js).", file);
}

/// <summary>Writes one self-contained HTML report per notebook and the index page.</summary>
public static class ReportWriter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The report of one executed notebook.</summary>
    public static string Report(NotebookResult result, PlotlySource plotly, string executedNotebookLink)
    {
        var body = new StringBuilder();
        var figures = 0;
        foreach (var cr in result.Cells)
        {
            switch (cr.Cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<section class=\"md\">").Append(Markdown.ToHtml(cr.Cell.Source, Pipeline)).Append("</section>\n");
                    break;
                case CellKind.Raw:
                    body.Append("<pre class=\"raw\">").Append(Enc(cr.Cell.Source)).Append("</pre>\n");
                    break;
                default:
                    AppendCode(body, cr, ref figures);
                    break;
            }
        }
        var status = result.Succeeded ? "<span class=\"ok\">passed</span>" : $"<span class=\"fail\">failed: {Enc(result.Failure!.ToString())}</span>";
        var head = figures == 0 ? "" : plotly.InlineScript is { } js
            ? "<script type=\"text/javascript\">" + js.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>"
            : $"<script src=\"{PlotlySource.CdnUrl}\" charset=\"utf-8\"></script>";
        return Page(result.Notebook.Title, head, $"""
<header><a href="index.html">All notebooks</a> · <a href="{Enc(executedNotebookLink)}">executed notebook</a>
<p>{Enc(result.Notebook.Name)}.ipynb · {status} · {Seconds(result.Duration)}</p></header>
<main>
{body}</main>
""");
    }

    private static void AppendCode(StringBuilder body, CellResult cr, ref int figures)
    {
        var label = cr.Status switch
        {
            CellStatus.OtherKernel => $"[{Enc(cr.Cell.Kernel ?? "")}, not run]",
            CellStatus.NotRun => "[not run]",
            _ => $"In [{cr.ExecutionCount}]",
        };
        body.Append("<div class=\"cell").Append(cr.Status == CellStatus.Failed ? " failed" : "").Append("\" id=\"cell-").Append(cr.Cell.Number).Append("\">")
            .Append("<div class=\"prompt\">").Append(label).Append("</div><pre class=\"code\"><code>").Append(Enc(cr.Cell.Source)).Append("</code></pre>");
        foreach (var o in cr.Outputs)
        {
            body.Append("<div class=\"output\">");
            switch (o.Kind)
            {
                case OutputKind.Stream:
                    body.Append("<pre class=\"").Append(o.StreamName).Append("\">").Append(Enc(o.Text)).Append("</pre>");
                    break;
                case OutputKind.Error:
                    body.Append("<pre class=\"error\">").Append(Enc(o.Text)).Append("</pre>");
                    break;
                default:
                    AppendData(body, o, cr.Cell.Number, ref figures);
                    break;
            }
            body.Append("</div>");
        }
        body.Append("</div>\n");
    }

    private static void AppendData(StringBuilder body, CellOutput o, int cell, ref int figures)
    {
        if (o.Data.TryGetValue("application/vnd.plotly.v1+json", out var json))
        {
            var fig = JsonNode.Parse(json);
            var id = $"fig-{cell}-{++figures}";
            var height = fig?["layout"]?["height"]?.GetValue<double>() is { } h ? h : 450;
            body.Append($"<div id=\"{id}\" class=\"evsc-figure\" style=\"width:100%;height:{height.ToString(CultureInfo.InvariantCulture)}px\"></div>")
                .Append("<script type=\"text/javascript\">(function () { var fig = ").Append(json.Replace("</", "<\\/", StringComparison.Ordinal))
                .Append($"; var el = document.getElementById('{id}');")
                .Append(" if (!window.Plotly) { el.textContent = 'plotly.js did not load (offline? render with --offline node_modules/plotly.js-dist-min/plotly.min.js)'; return; }")
                .Append(" Plotly.newPlot(el, fig.data, fig.layout, {responsive: true}); })();</script>");
        }
        else if (o.Data.TryGetValue("text/html", out var html)) body.Append(html);
        else body.Append("<pre>").Append(Enc(o.PlainText)).Append("</pre>");
    }

    /// <summary>The index page: one row per notebook with pass/fail, duration and links.</summary>
    public static string Index(IEnumerable<RenderEntry> entries)
    {
        var rows = new StringBuilder();
        var list = entries.ToList();
        foreach (var e in list)
        {
            var link = e.ReportFile is null ? Enc(e.Name) : $"<a href=\"{Enc(Path.GetFileName(e.ReportFile))}\">{Enc(e.Name)}</a>";
            rows.Append("<tr><td>").Append(link).Append("</td><td>").Append(Enc(e.Title)).Append("</td><td class=\"")
                .Append(e.Succeeded ? "ok\">passed" : "fail\">failed").Append("</td><td style=\"text-align:right\">").Append(Seconds(e.Duration))
                .Append("</td><td>").Append(Enc(e.Message ?? "")).Append("</td></tr>\n");
        }
        var passed = list.Count(e => e.Succeeded);
        return Page("EvSupplyChain notebooks", "", $"""
<main><h1>EvSupplyChain notebooks</h1>
<p>{passed} passed, {list.Count - passed} failed · rendered {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC</p>
<table class="index"><thead><tr><th>notebook</th><th>title</th><th>result</th><th>duration</th><th>message</th></tr></thead><tbody>
{rows}</tbody></table></main>
""");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static string Page(string title, string head, string body) => $$"""
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{Enc(title)}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 1.5em auto; padding: 0 1em; color: #222; }
pre { background: #f6f8fa; padding: .6em; overflow-x: auto; font-size: 13px; }
.prompt { color: #777; font: 12px monospace; }
.cell { margin: 1em 0; } .cell.failed pre.code { border-left: 4px solid #c00; }
pre.error, pre.stderr { background: #fff0f0; color: #900; }
.ok { color: #070; font-weight: bold; } .fail { color: #c00; font-weight: bold; }
table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ddd; padding: 3px 8px; }
caption { font-weight: bold; text-align: left; }
</style>
{{head}}
</head><body>
{{body}}
</body></html>
""";
}
