using System.Globalization;

namespace EvSupplyChain.Models.Data;

/// <summary>One data row of a <see cref="CsvData"/>, with typed, validated access by column name.</summary>
public sealed class CsvRow
{
    private readonly CsvData _owner;
    private readonly string[] _cells;

    internal CsvRow(CsvData owner, int line, string[] cells)
    {
        _owner = owner;
        Line = line;
        _cells = cells;
    }

    /// <summary>1-based line in the file (the header is line 1).</summary>
    public int Line { get; }

    /// <summary>The file this row came from.</summary>
    public string File => _owner.File;

    /// <summary>The raw text of a cell (trimmed).</summary>
    public string Text(string column) => _cells[_owner.IndexOf(column, Line)];

    /// <summary>A non-empty text cell.</summary>
    public string RequiredText(string column)
    {
        var s = Text(column);
        return s.Length > 0 ? s : throw Error(column, "a value is required");
    }

    /// <summary>True when the cell is empty.</summary>
    public bool IsEmpty(string column) => Text(column).Length == 0;

    /// <summary>A finite number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Double(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var s = Text(column);
        if (s.Length == 0) throw Error(column, "a number is required, the cell is empty");
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw Error(column, $"'{s}' is not a number");
        if (!double.IsFinite(v)) throw Error(column, $"'{s}' is not a finite number");
        if (v < min || v > max) throw Error(column, $"{s} is outside the allowed range {Range(min, max)}");
        return v;
    }

    /// <summary>A number, or <paramref name="fallback"/> when the cell is empty.</summary>
    public double DoubleOr(string column, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        IsEmpty(column) ? fallback : Double(column, min, max);

    /// <summary>A non-negative finite number.</summary>
    public double NonNegative(string column) => Double(column, min: 0);

    /// <summary>A share in [0, 1].</summary>
    public double Share(string column) => Double(column, 0, 1);

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Int(string column, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = Text(column);
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            // Accept "2035.0" as written by spreadsheets.
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
                v = (int)d;
            else
                throw Error(column, $"'{s}' is not a whole number");
        }
        if (v < min || v > max) throw Error(column, $"{v} is outside the allowed range {Range(min, max)}");
        return v;
    }

    /// <summary>A value from a closed list (case-insensitive); the error lists the allowed values.</summary>
    public string OneOf(string column, IReadOnlyCollection<string> allowed)
    {
        var s = Text(column);
        var hit = allowed.FirstOrDefault(a => string.Equals(a, s, StringComparison.OrdinalIgnoreCase));
        return hit ?? throw Error(column, $"'{s}' is not one of: {string.Join(", ", allowed)}");
    }

    /// <summary>An enum value by name (case-insensitive).</summary>
    public TEnum Enum<TEnum>(string column) where TEnum : struct, Enum
    {
        var s = Text(column);
        return System.Enum.TryParse<TEnum>(s, ignoreCase: true, out var v) && System.Enum.IsDefined(v)
            ? v
            : throw Error(column, $"'{s}' is not one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    /// <summary>Fails unless the named share columns of this row sum to 1 within <paramref name="tolerance"/>.</summary>
    public void RequireSumToOne(IReadOnlyList<string> columns, double tolerance)
    {
        var sum = columns.Sum(Share);
        if (Math.Abs(sum - 1) > tolerance)
            throw Error(string.Join("+", columns), $"shares sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, expected 1 ± {tolerance.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>An exception naming this row's file, line and <paramref name="column"/>.</summary>
    public DataValidationException Error(string? column, string rule) => new(File, Line, column, rule);

    private static string Range(double min, double max) =>
        $"[{(double.IsNegativeInfinity(min) ? "-∞" : min.ToString(CultureInfo.InvariantCulture))}, {(double.IsPositiveInfinity(max) ? "∞" : max.ToString(CultureInfo.InvariantCulture))}]";
}
