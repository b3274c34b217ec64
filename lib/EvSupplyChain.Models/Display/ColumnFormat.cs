using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvSupplyChain.Models.Display;

/// <summary>
/// How a column's cells read: one number format for the whole column chosen from its data (unless the column has
/// its own), values negligible next to the column's largest shown as 0, never a negative zero, booleans as ✓/✗.
/// </summary>
public static partial class ColumnFormat
{
    /// <summary>A value smaller than this share of the column's largest magnitude shows as 0 (rounding noise such as 1.7E-16).</summary>
    public const double Negligible = 1e-9;

    /// <summary>The format the column's numbers share: the column's own, or one chosen from <paramref name="values"/>:
    /// "0" for years, "N0" for whole numbers, otherwise decimals that give the largest value four significant digits
    /// (at most six), or scientific notation when every value is below 1e-4 or above 1e15.</summary>
    public static string? For(TableColumn column, IEnumerable<object?> values)
    {
        if (column.Format is not null) return column.Format;
        var numbers = values.Select(Table.ToDouble).OfType<double>().Where(double.IsFinite).ToArray();
        if (numbers.Length == 0) return null;
        var scale = numbers.Max(Math.Abs);
        if (scale == 0) return "N0";
        var shown = numbers.Where(v => Math.Abs(v) >= Negligible * scale).ToArray();
        var whole = shown.All(v => Math.Abs(v - Math.Round(v)) <= 1e-9 * Math.Max(1, Math.Abs(v)));
        if (whole && (IsYearName(column.Name) || shown.All(v => v is >= 1800 and <= 2300))) return "0";
        if (whole) return "N0";
        if (scale < 1e-4 || scale >= 1e15) return "0.###E+0";
        var decimals = Math.Clamp(3 - (int)Math.Floor(Math.Log10(scale)), 0, 6);
        return "N" + decimals.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>One cell's text: <paramref name="format"/> for numbers (negligible values next to
    /// <paramref name="scale"/> as 0, no negative zero), ✓/✗ for booleans, empty for null and NaN.</summary>
    public static string Cell(object? value, string? format, double scale = 0)
    {
        switch (value)
        {
            case null: return "";
            case bool b: return b ? "✓" : "✗";
            case double d when double.IsNaN(d): return "";
            case float f when float.IsNaN(f): return "";
        }
        if (Table.ToDouble(value) is not { } number || !double.IsFinite(number))
            return value is IFormattable other ? other.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
        if (scale > 0 && Math.Abs(number) < Negligible * scale) number = 0;
        if (number == 0 && format is not null && format.Contains('E', StringComparison.OrdinalIgnoreCase)) return "0";
        var text = format is null
            ? value is double or float ? number.ToString(Math.Abs(number) >= 1000 ? "N0" : "G6", CultureInfo.InvariantCulture)
                // an integer without a format prints as it is (a year column reads 2035, not 2,035)
                : ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)
            : value is double or float || number == 0 ? number.ToString(format, CultureInfo.InvariantCulture)
            : ((IFormattable)value).ToString(format, CultureInfo.InvariantCulture);
        return NoNegativeZero(text);
    }

    /// <summary>"-0", "-0.00" or "-0 %" become the same without the sign.</summary>
    public static string NoNegativeZero(string text) =>
        text.Length > 1 && text[0] is '-' or '−' && !text.Skip(1).Any(c => c is >= '1' and <= '9') ? text[1..] : text;

    /// <summary>A code name as words: <c>UnpaidGridCostUsd</c> → "Unpaid grid cost (USD)", <c>avg_temp_c</c> →
    /// "Avg temp (°C)", <c>NpvAt10Pct</c> → "Npv at 10 %", <c>P2_5</c> → "P 2.5". Text that already has a space or is one plain word stays.</summary>
    public static string Words(string name)
    {
        if (string.IsNullOrEmpty(name) || !Identifier().IsMatch(name) || !CodeLike().IsMatch(name)) return name;
        var parts = Humps().Matches(name).Select(m => m.Value).ToList();
        if (parts.Count <= 1) return name;
        string? unit = Units.TryGetValue(parts[^1].ToLowerInvariant(), out var u) ? u : null;
        if (unit is not null) parts.RemoveAt(parts.Count - 1);
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            var acronym = p.Length > 1 && p.All(c => char.IsUpper(c) || char.IsDigit(c));
            if (i > 0) sb.Append(' ');
            if (p.Equals("pct", StringComparison.OrdinalIgnoreCase) || p.Equals("percent", StringComparison.OrdinalIgnoreCase)) sb.Append('%');
            else if (char.IsDigit(p[0])) sb.Append(p.Replace('_', '.'));
            else sb.Append(i == 0 ? char.ToUpperInvariant(p[0]) + p[1..] : acronym ? p : p.ToLowerInvariant());
        }
        if (unit is not null) sb.Append(" (").Append(unit).Append(')');
        return sb.ToString();
    }

    private static readonly Dictionary<string, string> Units = new()
    {
        ["usd"] = "USD", ["eur"] = "EUR", ["kwh"] = "kWh", ["mwh"] = "MWh", ["gwh"] = "GWh", ["twh"] = "TWh",
        ["kw"] = "kW", ["mw"] = "MW", ["gw"] = "GW", ["c"] = "°C", ["km"] = "km",
        ["kg"] = "kg", ["kt"] = "kt", ["mt"] = "Mt", ["t"] = "t", ["years"] = "years", ["yr"] = "yr", ["h"] = "h",
    };

    private static bool IsYearName(string name) => name.Contains("year", StringComparison.OrdinalIgnoreCase);

    // A lower-case letter followed by a capital (camelCase) or an underscore: "NMC811" and "LFP" are names, not code.
    [GeneratedRegex("[a-z][A-Z]|_")]
    private static partial Regex CodeLike();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    // Words of a code name: runs of capitals before a capitalised word (acronyms), capitalised or lower-case words, numbers.
    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+(?:_[0-9]+)?")]
    private static partial Regex Humps();
}
