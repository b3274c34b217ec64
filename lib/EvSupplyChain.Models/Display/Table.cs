using System.Globalization;
using System.Reflection;
using System.Text;

namespace EvSupplyChain.Models.Display;

/// <summary>A column of a <see cref="Table"/>: its header, value type and number format.</summary>
/// <param name="Name">Header text.</param>
/// <param name="ValueType">CLR type of the values (numbers are right-aligned).</param>
/// <param name="Format">.NET format string for numbers ("N0", "N2", "P1", "G17"); null for a sensible default.</param>
public sealed record TableColumn(string Name, Type ValueType, string? Format = null)
{
    /// <summary>True for numeric columns.</summary>
    public bool IsNumeric => IsNumericType(ValueType);

    internal static bool IsNumericType(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(int)
            || t == typeof(long) || t == typeof(short) || t == typeof(uint) || t == typeof(ulong);
    }
}

/// <summary>
/// An immutable table with one column per property, rendered to HTML, Markdown, CSV and aligned text.
/// Build it with <see cref="From{T}"/> or <see cref="Create"/>, then shape it with
/// <see cref="Select"/>, <see cref="Rename"/>, <see cref="WithFormat"/> and <see cref="WithTotals"/>.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed partial class Table : IDisplayable
{
    private readonly object?[][] _rows;

    private Table(string? title, IReadOnlyList<TableColumn> columns, object?[][] rows, object?[]? totals)
    {
        Title = title;
        Columns = columns;
        _rows = rows;
        Totals = totals;
    }

    /// <summary>Optional caption.</summary>
    public string? Title { get; }

    /// <summary>Columns in display order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Row values, one array per row, aligned with <see cref="Columns"/>.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>The totals row, when <see cref="WithTotals"/> was called.</summary>
    public IReadOnlyList<object?>? Totals { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => _rows.Length;

    /// <summary>One column per public readable instance property of <typeparamref name="T"/>, in declaration order.
    /// A sequence of scalars (numbers, strings) gives a single "Value" column.</summary>
    public static Table From<T>(IEnumerable<T> items, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var type = typeof(T);
        if (IsScalar(type))
        {
            var scalarRows = items.Select(v => new object?[] { v }).ToArray();
            return new Table(title, [new TableColumn("Value", type)], scalarRows, null);
        }
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .ToArray();
        var columns = props.Select(p => new TableColumn(p.Name, p.PropertyType)).ToArray();
        var rows = items.Select(item => props.Select(p => item is null ? null : p.GetValue(item)).ToArray()).ToArray();
        return new Table(title, columns, rows, null);
    }

    /// <summary>A table from explicit columns and rows; each row must have one value per column.</summary>
    public static Table Create(IEnumerable<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, string? title = null)
    {
        var cols = columns.ToArray();
        var data = rows.Select(r => r.ToArray()).ToArray();
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i].Length != cols.Length)
                throw new ArgumentException($"Row {i} has {data[i].Length} values but the table has {cols.Length} columns.", nameof(rows));
        }
        return new Table(title, cols, data, null);
    }

    /// <summary>Keeps the named columns in the given order.</summary>
    public Table Select(params string[] names)
    {
        var idx = names.Select(IndexOf).ToArray();
        return new Table(Title, idx.Select(i => Columns[i]).ToArray(),
            _rows.Select(r => idx.Select(i => r[i]).ToArray()).ToArray(),
            Totals is null ? null : idx.Select(i => Totals[i]).ToArray()) { CollapseAfter = CollapseAfter };
    }

    /// <summary>Renames one column.</summary>
    public Table Rename(string from, string to) => MapColumn(from, c => c with { Name = to });

    /// <summary>Gives a column its display header: words with units, e.g. <c>WithHeader("GapT", "Gap (t/yr)")</c>.</summary>
    public Table WithHeader(string column, string header) => Rename(column, header);

    /// <summary>Sets the number format of the named columns (e.g. "N0" for thousands separators, "P1" for percent).</summary>
    public Table WithFormat(string format, params string[] columns)
    {
        var t = this;
        foreach (var c in columns) t = t.MapColumn(c, col => col with { Format = format });
        return t;
    }

    /// <summary>Sets the number format of every numeric column.</summary>
    public Table WithNumberFormat(string format) =>
        WithFormat(format, Columns.Where(c => c.IsNumeric).Select(c => c.Name).ToArray());

    /// <summary>Sets the caption.</summary>
    public Table WithTitle(string title) => new(title, Columns, _rows, Totals?.ToArray()) { CollapseAfter = CollapseAfter };

    /// <summary>Adds a totals row summing the numeric columns (or only <paramref name="columns"/> when given);
    /// the first non-summed text column carries <paramref name="label"/>.</summary>
    public Table WithTotals(string label = "Total", params string[] columns)
    {
        var sumSet = columns.Length > 0 ? columns.Select(IndexOf).ToHashSet()
            : Enumerable.Range(0, Columns.Count).Where(i => Columns[i].IsNumeric).ToHashSet();
        var totals = new object?[Columns.Count];
        var labelled = false;
        for (var i = 0; i < Columns.Count; i++)
        {
            if (sumSet.Contains(i)) totals[i] = _rows.Sum(r => ToDouble(r[i]) ?? 0.0);
            else if (!labelled) { totals[i] = label; labelled = true; }
        }
        return new Table(Title, Columns, _rows, totals) { CollapseAfter = CollapseAfter };
    }

    /// <summary>The value at a row and named column.</summary>
    public object? this[int row, string column] => _rows[row][IndexOf(column)];

    /// <summary>The numeric values of one column.</summary>
    public double[] Numbers(string column)
    {
        var i = IndexOf(column);
        return _rows.Select(r => ToDouble(r[i]) ?? double.NaN).ToArray();
    }

    /// <summary>Formats one value as the column's format says (booleans as ✓/✗, no negative zero). Rendered tables
    /// go further and give each numeric column one format chosen from its data (<see cref="ColumnFormat.For"/>).</summary>
    public static string FormatValue(object? value, TableColumn column) => ColumnFormat.Cell(value, column.Format);

    /// <summary>Data rows shown before the rest is folded behind "show all rows" in HTML; 0 shows every row.</summary>
    public int CollapseAfter { get; private init; } = DefaultCollapseAfter;

    /// <summary>The default of <see cref="CollapseAfter"/>: tables longer than this by more than a few rows fold.</summary>
    public const int DefaultCollapseAfter = 15;

    /// <summary>Shows <paramref name="rows"/> data rows in HTML and folds the rest behind "show all rows"
    /// (0: never fold).</summary>
    public Table WithCollapseAfter(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return new Table(Title, Columns, _rows, Totals?.ToArray()) { CollapseAfter = rows };
    }

    /// <summary>Each column's shared format and the magnitude below which its values read as 0.</summary>
    internal (string? Format, double Scale)[] CellFormats() =>
        Columns.Select((c, i) =>
        {
            if (!c.IsNumeric) return (c.Format, 0.0);
            var values = _rows.Select(r => r[i]).ToArray();
            var numbers = values.Select(ToDouble).OfType<double>().Where(double.IsFinite).ToArray();
            return (ColumnFormat.For(c, values), numbers.Length == 0 ? 0.0 : numbers.Max(Math.Abs));
        }).ToArray();

    /// <inheritdoc />
    public string ToHtml() => TableRenderer.Html(this);

    /// <summary>GitHub-flavoured Markdown.</summary>
    public string ToMarkdown() => TableRenderer.Markdown(this);

    /// <summary>CSV with invariant culture and round-trip precision (formats are ignored).</summary>
    public string ToCsv() => TableRenderer.Csv(this);

    /// <inheritdoc />
    public string ToText() => TableRenderer.Text(this);

    /// <inheritdoc />
    public override string ToString() => ToText();

    internal IEnumerable<object?[]> AllRows() => Totals is null ? _rows : _rows.Append(Totals.ToArray());

    private int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        throw new ArgumentException($"No column '{name}'. Columns: {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
    }

    private Table MapColumn(string name, Func<TableColumn, TableColumn> f)
    {
        var i = IndexOf(name);
        var cols = Columns.ToArray();
        cols[i] = f(cols[i]);
        return new Table(Title, cols, _rows, Totals?.ToArray()) { CollapseAfter = CollapseAfter };
    }

    private static bool IsScalar(Type t) => TableColumn.IsNumericType(t) || t == typeof(string) || t == typeof(bool);

    internal static double? ToDouble(object? v) => v switch
    {
        null => null,
        double d => d,
        float f => f,
        decimal m => (double)m,
        int i => i,
        long l => l,
        short s => s,
        uint u => u,
        ulong ul => ul,
        _ => null,
    };

    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", _ => ch.ToString() });
        }
        return sb.ToString();
    }
}
