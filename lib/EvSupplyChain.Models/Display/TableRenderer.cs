using System.Globalization;
using System.Text;

namespace EvSupplyChain.Models.Display;

/// <summary>Turns a <see cref="Table"/> into HTML, Markdown, CSV or aligned text.</summary>
internal static class TableRenderer
{
    public static string Html(Table t)
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"evsc-table\">");
        if (t.Title is not null) sb.Append("<caption>").Append(Table.Escape(t.Title)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (var c in t.Columns) sb.Append("<th>").Append(Table.Escape(c.Name)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows) AppendHtmlRow(sb, t, row, "td");
        sb.Append("</tbody>");
        if (t.Totals is not null)
        {
            sb.Append("<tfoot>");
            AppendHtmlRow(sb, t, t.Totals, "th");
            sb.Append("</tfoot>");
        }
        sb.Append("</table>");
        return sb.ToString();
    }

    private static void AppendHtmlRow(StringBuilder sb, Table t, IReadOnlyList<object?> row, string cell)
    {
        sb.Append("<tr>");
        for (var i = 0; i < t.Columns.Count; i++)
        {
            var col = t.Columns[i];
            sb.Append('<').Append(cell);
            if (col.IsNumeric || Table.ToDouble(row[i]) is not null) sb.Append(" style=\"text-align:right\"");
            sb.Append('>').Append(Table.Escape(Table.FormatValue(row[i], col))).Append("</").Append(cell).Append('>');
        }
        sb.Append("</tr>");
    }

    public static string Markdown(Table t)
    {
        var sb = new StringBuilder();
        if (t.Title is not null) sb.Append("**").Append(EscapeMd(t.Title)).Append("**\n\n");
        sb.Append("| ").Append(string.Join(" | ", t.Columns.Select(c => EscapeMd(c.Name)))).Append(" |\n");
        sb.Append('|').Append(string.Join("|", t.Columns.Select(c => c.IsNumeric ? " ---: " : " --- "))).Append("|\n");
        foreach (var row in t.AllRows())
        {
            sb.Append("| ").Append(string.Join(" | ", t.Columns.Select((c, i) => EscapeMd(Table.FormatValue(row[i], c))))).Append(" |\n");
        }
        return sb.ToString();
    }

    /// <summary>Keeps cell text literal: a pipe would end the cell and a '&lt;' could start raw HTML.</summary>
    private static string EscapeMd(string s) => s.Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "\\<").Replace("\n", " ");

    public static string Csv(Table t)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", t.Columns.Select(c => CsvField(c.Name)))).Append('\n');
        foreach (var row in t.AllRows())
        {
            sb.Append(string.Join(",", row.Select(CsvValue))).Append('\n');
        }
        return sb.ToString();
    }

    private static string CsvValue(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => CsvField(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => CsvField(v.ToString() ?? ""),
    };

    private static string CsvField(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static string Text(Table t)
    {
        var cells = t.AllRows().Select(r => t.Columns.Select((c, i) => Table.FormatValue(r[i], c)).ToArray()).ToList();
        var widths = t.Columns.Select((c, i) => Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        if (t.Title is not null) sb.Append(t.Title).Append('\n');
        sb.Append(string.Join("  ", t.Columns.Select((c, i) => Pad(c.Name, widths[i], c.IsNumeric)))).Append('\n');
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        for (var r = 0; r < cells.Count; r++)
        {
            if (t.Totals is not null && r == cells.Count - 1)
                sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            sb.Append(string.Join("  ", t.Columns.Select((c, i) => Pad(cells[r][i], widths[i], c.IsNumeric)))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Pad(string s, int width, bool right) => right ? s.PadLeft(width) : s.PadRight(width);
}
