using System.Globalization;
using System.Text;

namespace EvSupplyChain.Models.Display;

/// <summary>Turns a <see cref="Table"/> into HTML, Markdown, CSV or aligned text.</summary>
internal static class TableRenderer
{
    /// <summary>Fold a table only when it hides at least this many rows.</summary>
    private const int MinFolded = 5;

    /// <summary>Self-contained styling of the fragment (the page around it may have none): the table scrolls inside its
    /// own box instead of widening the page, headers wrap, numbers line up, folded rows hide until "show" is opened.</summary>
    internal const string Style = "<style>" +
        ".evsc-table-wrap{max-width:100%;overflow-x:auto;display:flex;flex-direction:column;align-items:flex-start;margin:.5em 0}" +
        ".evsc-table-wrap>table.evsc-table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums;margin:0}" +
        ".evsc-table th,.evsc-table td{border:1px solid #ddd;padding:3px 8px;vertical-align:top}" +
        ".evsc-table thead th{background:#f6f8fa;max-width:16em}" +
        ".evsc-table td{max-width:32em}" +
        ".evsc-table caption{font-weight:bold;text-align:left;padding:2px 0}" +
        ".evsc-table-wrap>details.evsc-more{order:1;font-size:13px;margin-top:2px;cursor:pointer}" +
        ".evsc-table-wrap>details.evsc-more:not([open])~table tr.evsc-extra{display:none}" +
        "</style>";

    public static string Html(Table t)
    {
        var formats = t.CellFormats();
        var fold = t.CollapseAfter > 0 && t.RowCount >= t.CollapseAfter + MinFolded;
        var sb = new StringBuilder();
        sb.Append("<div class=\"evsc-table-wrap\">").Append(Style);
        if (fold)
        {
            sb.Append("<details class=\"evsc-more\"><summary>")
                .Append((t.RowCount - t.CollapseAfter).ToString("N0", CultureInfo.InvariantCulture))
                .Append(" more rows (").Append(t.RowCount.ToString("N0", CultureInfo.InvariantCulture)).Append(" in all): show or hide</summary></details>");
        }
        sb.Append("<table class=\"evsc-table\">");
        if (t.Title is not null) sb.Append("<caption>").Append(Table.Escape(t.Title)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (var c in t.Columns) sb.Append("<th>").Append(Table.Escape(ColumnFormat.Words(c.Name))).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        for (var r = 0; r < t.RowCount; r++) AppendHtmlRow(sb, t, formats, t.Rows[r], "td", fold && r >= t.CollapseAfter);
        sb.Append("</tbody>");
        if (t.Totals is not null)
        {
            sb.Append("<tfoot>");
            AppendHtmlRow(sb, t, formats, t.Totals, "th", false);
            sb.Append("</tfoot>");
        }
        sb.Append("</table></div>");
        return sb.ToString();
    }

    private static void AppendHtmlRow(StringBuilder sb, Table t, (string? Format, double Scale)[] formats, IReadOnlyList<object?> row, string cell, bool extra)
    {
        sb.Append(extra ? "<tr class=\"evsc-extra\">" : "<tr>");
        for (var i = 0; i < t.Columns.Count; i++)
        {
            var col = t.Columns[i];
            sb.Append('<').Append(cell);
            if (col.IsNumeric || Table.ToDouble(row[i]) is not null) sb.Append(" style=\"text-align:right;white-space:nowrap\"");
            else if (row[i] is bool) sb.Append(" style=\"text-align:center\"");
            sb.Append('>').Append(Table.Escape(ColumnFormat.Cell(row[i], formats[i].Format, formats[i].Scale))).Append("</").Append(cell).Append('>');
        }
        sb.Append("</tr>");
    }

    public static string Markdown(Table t)
    {
        var sb = new StringBuilder();
        if (t.Title is not null) sb.Append("**").Append(EscapeMd(t.Title)).Append("**\n\n");
        var formats = t.CellFormats();
        sb.Append("| ").Append(string.Join(" | ", t.Columns.Select(c => EscapeMd(ColumnFormat.Words(c.Name))))).Append(" |\n");
        sb.Append('|').Append(string.Join("|", t.Columns.Select(c => c.IsNumeric ? " ---: " : " --- "))).Append("|\n");
        foreach (var row in t.AllRows())
        {
            sb.Append("| ").Append(string.Join(" | ", t.Columns.Select((c, i) => EscapeMd(ColumnFormat.Cell(row[i], formats[i].Format, formats[i].Scale))))).Append(" |\n");
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
