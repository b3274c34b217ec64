using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;

namespace EvSupplyChain.Notebooks;

/// <summary>Options of one report.</summary>
/// <param name="NoCode">A handout: outputs and prose only, no code cells.</param>
public sealed record ReportOptions(bool NoCode = false);

/// <summary>Writes one HTML report per executed notebook (prose with typeset maths, code, tables, figures, a table of
/// contents, a print stylesheet) and the index page.</summary>
public static partial class ReportWriter
{
    /// <summary>Markdig's advanced extensions include <c>$…$</c>/<c>$$…$$</c> maths, which it leaves untouched inside
    /// <c>span.math</c>/<c>div.math</c> for KaTeX, and heading ids for the table of contents.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Markdown to HTML as reports render it. A line that is only <c>$$…$$</c> is display maths (as in Jupyter):
    /// Markdig reads it as inline maths unless the <c>$$</c> stand on lines of their own, so it is split that way first.</summary>
    public static string MarkdownToHtml(string markdown) =>
        Markdown.ToHtml(DisplayMathLine().Replace(markdown, "$1$$$$\n$1$2\n$1$$$$"), Pipeline);

    [GeneratedRegex(@"^([ \t]*)\$\$(?!\$)(.+?)\$\$[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DisplayMathLine();

    /// <summary>The report of one executed notebook.</summary>
    public static string Report(NotebookResult result, ReportAssets assets, string executedNotebookLink, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var body = new StringBuilder();
        var figures = 0;
        foreach (var cr in result.Cells)
        {
            switch (cr.Cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<section class=\"md\">").Append(MarkdownToHtml(cr.Cell.Source)).Append("</section>\n");
                    break;
                case CellKind.Raw:
                    if (!options.NoCode) body.Append("<pre class=\"raw\">").Append(Enc(cr.Cell.Source)).Append("</pre>\n");
                    break;
                default:
                    AppendCode(body, cr, options, ref figures);
                    break;
            }
        }
        var html = body.ToString();
        var status = result.Succeeded ? "<span class=\"ok\">passed</span>" : $"<span class=\"fail\">failed: {Enc(result.Failure!.ToString())}</span>";
        var parameters = result.Parameters.Count == 0 ? "" : " · parameters: <code>" + Enc(FormatParameters(result.Parameters)) + "</code>";
        var head = new StringBuilder();
        if (figures > 0)
        {
            head.Append(assets is { Mode: AssetMode.Inline, InlinePlotly: { } js }
                ? "<script type=\"text/javascript\">" + js.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>"
                : $"<script src=\"{assets.PlotlyUrl}\" charset=\"utf-8\"></script>");
        }
        var math = html.Contains("class=\"math\"", StringComparison.Ordinal) && assets.Mode != AssetMode.Inline;
        if (math) head.Append($"<link rel=\"stylesheet\" href=\"{assets.KatexStyleUrl}\"><script src=\"{assets.KatexScriptUrl}\" charset=\"utf-8\"></script>");
        return Page(result.Notebook.Title, head.ToString(), $"""
<header><nav class="links"><a href="index.html">All notebooks</a> · <a href="{Enc(executedNotebookLink)}">executed notebook</a></nav>
<p class="status">{Enc(result.Notebook.Name)} · {status} · {Seconds(result.Duration)}{parameters}</p></header>
{Contents(html)}<main>
{html}</main>
{(math ? MathScript : "")}
""");
    }

    /// <summary><c>a=1, b="x"</c>.</summary>
    public static string FormatParameters(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));

    private const string MathScript = """
<script>(function () {
  if (!window.katex) return;
  document.querySelectorAll('.math').forEach(function (el) {
    var tex = el.textContent.trim().replace(/^\\[\(\[]/, '').replace(/\\[\)\]]$/, '');
    katex.render(tex, el, { displayMode: el.tagName === 'DIV', throwOnError: false });
  });
})();</script>
""";

    /// <summary>A list of the h2/h3 headings with links to them; empty when there are fewer than two.</summary>
    private static string Contents(string html)
    {
        var headings = Heading().Matches(html).Select(m => (Level: m.Groups[1].Value, Id: m.Groups[2].Value, Text: TagsOf().Replace(m.Groups[3].Value, ""))).ToArray();
        if (headings.Length < 2) return "";
        var sb = new StringBuilder("<nav class=\"toc\"><strong>Contents</strong><ul>");
        foreach (var h in headings)
            sb.Append("<li class=\"h").Append(h.Level).Append("\"><a href=\"#").Append(h.Id).Append("\">").Append(h.Text).Append("</a></li>");
        return sb.Append("</ul></nav>\n").ToString();
    }

    private static void AppendCode(StringBuilder body, CellResult cr, ReportOptions options, ref int figures)
    {
        var label = cr.Status switch
        {
            CellStatus.OtherKernel => $"[{Enc(cr.Cell.Kernel ?? "")}, not run]",
            CellStatus.NotRun => "[not run]",
            _ => $"In [{cr.ExecutionCount}]",
        };
        var injected = cr.Cell.Tags.Contains(Parameters.InjectedTag) ? " injected" : "";
        body.Append("<div class=\"cell").Append(cr.Status == CellStatus.Failed ? " failed" : "").Append(injected).Append("\" id=\"cell-").Append(cr.Cell.Number).Append("\">");
        if (!options.NoCode)
            body.Append("<div class=\"prompt\">").Append(label).Append(injected.Length > 0 ? " injected parameters" : "").Append("</div><pre class=\"code\"><code>").Append(Enc(cr.Cell.Source)).Append("</code></pre>");
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
                .Append(" if (!window.Plotly) { el.textContent = 'plotly.js did not load (reports/assets/ missing? run npm ci, then render again)'; return; }")
                .Append(" Plotly.newPlot(el, fig.data, fig.layout, {responsive: true}); })();</script>");
        }
        else if (o.Data.TryGetValue("text/html", out var html) && !html.StartsWith("<div class=\"dni-plaintext\">", StringComparison.Ordinal)) body.Append(html);
        else body.Append("<pre>").Append(Enc(o.PlainText)).Append("</pre>");
    }

    /// <summary>The index page: one row per notebook with title, status, duration, parameters, first error and source.</summary>
    public static string Index(IEnumerable<RenderEntry> entries)
    {
        var rows = new StringBuilder();
        var list = entries.ToList();
        foreach (var e in list)
        {
            var link = e.ReportFile is null ? Enc(e.Name) : $"<a href=\"{Enc(Path.GetFileName(e.ReportFile))}\">{Enc(e.Name)}</a>";
            rows.Append("<tr><td>").Append(link).Append("</td><td>").Append(Enc(e.Title)).Append("</td><td class=\"")
                .Append(e.Succeeded ? "ok\">passed" : "fail\">failed").Append("</td><td class=\"num\">").Append(Seconds(e.Duration))
                .Append("</td><td><code>").Append(Enc(e.Parameters ?? "")).Append("</code></td><td>").Append(Enc(e.Message ?? ""))
                .Append("</td><td class=\"source\">").Append(e.Citation is null ? "" : InlineMarkdown(e.Citation)).Append("</td></tr>\n");
        }
        var passed = list.Count(e => e.Succeeded);
        return Page("EvSupplyChain notebooks", "", $"""
<main><h1>EvSupplyChain notebooks</h1>
<p>{passed} passed, {list.Count - passed} failed · rendered {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC</p>
<table class="index"><thead><tr><th>notebook</th><th>title</th><th>result</th><th>duration</th><th>parameters</th><th>first error</th><th>source</th></tr></thead><tbody>
{rows}</tbody></table></main>
""");
    }

    /// <summary>A citation (markdown with links) as inline HTML. It is rendered behind a word so that a leading
    /// "J. Lu" is not read as a lettered list item; the word is then taken off again.</summary>
    private static string InlineMarkdown(string text)
    {
        const string lead = "<p>Source: ";
        var html = MarkdownToHtml("Source: " + text).Trim();
        return html.StartsWith(lead, StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[lead.Length..^4] : html;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    [GeneratedRegex("""<h([23]) id="([^"]+)">(.*?)</h\1>""", RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagsOf();

    private static string Page(string title, string head, string body) => $$"""
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{Enc(title)}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 1.5em auto; padding: 0 1em; color: #222; line-height: 1.45; }
pre { background: #f6f8fa; padding: .6em; overflow-x: auto; font-size: 13px; }
.prompt { color: #777; font: 12px monospace; }
.cell { margin: 1em 0; } .cell.failed pre.code { border-left: 4px solid #c00; } .cell.injected pre.code { border-left: 4px solid #c80; }
pre.error, pre.stderr { background: #fff0f0; color: #900; }
.ok { color: #070; font-weight: bold; } .fail { color: #c00; font-weight: bold; }
table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ddd; padding: 3px 8px; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; } td.source { font-size: 90%; }
caption { font-weight: bold; text-align: left; }
nav.toc { border: 1px solid #ddd; padding: .4em 1em; margin: 1em 0; background: #fafafa; }
nav.toc ul { margin: .3em 0; padding-left: 1.2em; } nav.toc li.h3 { margin-left: 1.2em; font-size: 95%; }
div.math { overflow-x: auto; }
/* A table wider than the page (e.g. a DataFrame's) scrolls in its own box; the page never scrolls sideways. */
.output { max-width: 100%; overflow-x: auto; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav.links, nav.toc { display: none; }
  .evsc-figure, .js-plotly-plot, table, pre, div.math, .output { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  pre { white-space: pre-wrap; }
}
</style>
{{head}}
</head><body>
{{body}}
</body></html>
""";
}
