using System.Collections;
using System.Globalization;
using System.Reflection;

namespace EvSupplyChain.Models.Display;

/// <summary>Reshaping for reading: transposed wide tables, split column sets, and objects as property tables.</summary>
public sealed partial class Table
{
    /// <summary>
    /// Rows become columns: a wide table with one column per year (materials down, 2025…2035 across) reads as years
    /// down and materials across. The values of <paramref name="labelColumn"/> become the new headers; the other
    /// columns' headers become the first column, headed <paramref name="header"/>. A column keeps a number type and
    /// format only when every transposed column had the same.
    /// </summary>
    public Table Transpose(string labelColumn, string header)
    {
        var label = IndexOf(labelColumn);
        var others = Enumerable.Range(0, Columns.Count).Where(i => i != label).ToArray();
        var types = others.Select(i => Columns[i].ValueType).Distinct().ToArray();
        var formats = others.Select(i => Columns[i].Format).Distinct().ToArray();
        var type = types.Length == 1 ? types[0] : typeof(object);
        var format = formats.Length == 1 ? formats[0] : null;
        var names = _rows.Select(r => FormatValue(r[label], Columns[label])).ToArray();
        var columns = new[] { new TableColumn(header, typeof(string)) }
            .Concat(names.Select(n => new TableColumn(n, type, format))).ToArray();
        var rows = others.Select(i => new object?[] { Columns[i].Name }.Concat(_rows.Select(r => r[i])).ToArray()).ToArray();
        return new Table(Title, columns, rows, null) { CollapseAfter = CollapseAfter };
    }

    /// <summary>The table cut into tables of at most <paramref name="maxColumns"/> columns each, every one repeating
    /// the <paramref name="keep"/> columns (e.g. the row labels) first.</summary>
    public IReadOnlyList<Table> SplitColumns(int maxColumns, params string[] keep)
    {
        var kept = keep.Select(IndexOf).ToArray();
        if (maxColumns <= kept.Length)
            throw new ArgumentOutOfRangeException(nameof(maxColumns), maxColumns, $"must exceed the {kept.Length} repeated column(s)");
        var rest = Enumerable.Range(0, Columns.Count).Where(i => !kept.Contains(i)).ToArray();
        var per = maxColumns - kept.Length;
        return rest.Chunk(per).Select(chunk => Select(kept.Concat(chunk).Select(i => Columns[i].Name).ToArray())).ToArray();
    }

    /// <summary>
    /// An object that has no display of its own as a two-column table: one row per public property, its name as
    /// words ("Unpaid grid cost (USD)", see <see cref="ColumnFormat.Words"/>) and its value formatted on its own
    /// (numbers grouped, rounding noise as 0, booleans ✓/✗, sequences as their item count).
    /// </summary>
    public static Table Properties(object value, string? title = null, string propertyHeader = "Property", string valueHeader = "Value")
    {
        ArgumentNullException.ThrowIfNull(value);
        var props = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken);
        var rows = props.Select(p => (IReadOnlyList<object?>)[ColumnFormat.Words(p.Name), Shown(p.GetValue(value))]);
        return Create([new TableColumn(propertyHeader, typeof(string)), new TableColumn(valueHeader, typeof(string))], rows, title);

        static string Shown(object? v) => v switch
        {
            null => "",
            string s => s,
            IEnumerable e => e.Cast<object?>().Count().ToString("N0", CultureInfo.InvariantCulture) + " items",
            _ when ToDouble(v) is not null => ColumnFormat.Cell(v, Trimmed(ColumnFormat.For(new TableColumn("", v.GetType()), [v])), Math.Abs(ToDouble(v)!.Value)),
            _ => ColumnFormat.Cell(v, null),
        };

        // A lone value needs no trailing zeros: N4 becomes #,0.####.
        static string? Trimmed(string? format) =>
            format is ['N', .. var d] && int.TryParse(d, out var n) && n > 0 ? "#,0." + new string('#', n) : format;
    }
}
