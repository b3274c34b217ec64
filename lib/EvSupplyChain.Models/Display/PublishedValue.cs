using System.Globalization;

namespace EvSupplyChain.Models.Display;

/// <summary>How a <see cref="PublishedValue"/>'s tolerance is measured.</summary>
public enum ToleranceKind
{
    /// <summary>|reproduced − published| ≤ tolerance · |published| (e.g. 1e-9; ≤ tolerance when published is 0).</summary>
    Relative,

    /// <summary>|reproduced − published| ≤ tolerance, in the value's unit.</summary>
    Absolute,

    /// <summary>Values are shares (0.68 for 68 %); |reproduced − published| ≤ tolerance percentage points
    /// (tolerance 1 means 0.01).</summary>
    PercentagePoints,
}

/// <summary>A published number beside the project's reproduction of it.</summary>
/// <param name="Quantity">What it is, in words ("US lithium gap 2035").</param>
/// <param name="Source">Where it is published ("Lu et al., Table 2", "Cheng et al. 2024, Fig 5").</param>
/// <param name="Published">The published value.</param>
/// <param name="Reproduced">The project's value.</param>
/// <param name="Tolerance">Allowed difference, measured as <paramref name="Kind"/> says.</param>
/// <param name="Kind">How <paramref name="Tolerance"/> is measured.</param>
/// <param name="Unit">Unit of both values ("t", "GWh", "%"); for <see cref="ToleranceKind.PercentagePoints"/> the
/// values are shares and are shown in %.</param>
/// <param name="Reason">Why the values differ, shown when they are outside the tolerance.</param>
public sealed record PublishedValue(string Quantity, string Source, double Published, double Reproduced, double Tolerance,
    ToleranceKind Kind, string Unit, string? Reason = null)
{
    /// <summary>Reproduced minus published.</summary>
    public double Difference => Reproduced - Published;

    /// <summary>The largest difference the tolerance allows, in the values' unit.</summary>
    public double AllowedDifference => Kind switch
    {
        ToleranceKind.Relative => Published == 0 ? Tolerance : Tolerance * Math.Abs(Published),
        ToleranceKind.PercentagePoints => Tolerance / 100,
        _ => Tolerance,
    };

    /// <summary>True when the reproduced value is within the tolerance of the published one (false for NaN).</summary>
    public bool Within => Math.Abs(Difference) <= AllowedDifference;

    /// <summary>"✓ within", or "✗ outside" followed by the reason when one is given.</summary>
    public string Status => Within ? "✓ within" : Reason is null ? "✗ outside" : "✗ outside: " + Reason;
}

/// <summary>The "published vs reproduced" table every notebook with published numbers opens with.</summary>
public static class PublishedComparison
{
    /// <summary>The table header, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["Quantity", "Source", "Published", "Reproduced", "Difference", "Tolerance", "Status"];

    /// <summary>One row per value: quantity, source, published and reproduced with units, signed difference,
    /// tolerance and status (✓ within / ✗ outside: reason).</summary>
    public static Table Table(IEnumerable<PublishedValue> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = rows.Select(r => (IReadOnlyList<object?>)
            [r.Quantity, r.Source, Value(r, r.Published), Value(r, r.Reproduced), Difference(r), Tolerance(r), r.Status]).ToArray();
        return Display.Table.Create(Columns.Select(c => new TableColumn(c, typeof(string))), data, title);
    }

    /// <summary>Decimals that show four significant digits of the published value, or all of its own decimals
    /// (up to six), whichever is more; both values and the difference use them.</summary>
    internal static int Decimals(double published)
    {
        if (!double.IsFinite(published) || published == 0) return 2;
        var own = published.ToString("R", CultureInfo.InvariantCulture);
        var dot = own.IndexOf('.');
        var ownDecimals = dot < 0 || own.Contains('E') ? 0 : own.Length - dot - 1;
        var significant = 3 - (int)Math.Floor(Math.Log10(Math.Abs(published)));
        return Math.Clamp(Math.Max(ownDecimals, significant), 0, 6);
    }

    // Rounded to 10 decimals so that a share such as 0.916 shows as 91.6 %, not 91.60000000000001 %.
    private static double Shown(PublishedValue r, double v) => r.Kind == ToleranceKind.PercentagePoints ? Math.Round(v * 100, 10) : v;

    private static string Unit(PublishedValue r) => r.Kind == ToleranceKind.PercentagePoints ? "%" : r.Unit;

    private static string Value(PublishedValue r, double v)
    {
        if (double.IsNaN(v)) return "—";
        var d = Decimals(Shown(r, r.Published));
        return Number(Shown(r, v), d) + Suffix(Unit(r));
    }

    private static string Difference(PublishedValue r)
    {
        if (!double.IsFinite(r.Difference)) return "—";
        var d = Decimals(Shown(r, r.Published));
        var diff = Shown(r, r.Difference);
        var text = Number(Math.Abs(diff), d);
        var sign = text.Trim('0', '.', ',') == "" ? "" : diff < 0 ? "−" : "+";
        return sign + text + (r.Kind == ToleranceKind.PercentagePoints ? " pp" : Suffix(r.Unit));
    }

    private static string Tolerance(PublishedValue r) => r.Kind switch
    {
        ToleranceKind.Relative when r.Tolerance >= 1e-4 => "±" + (r.Tolerance * 100).ToString("0.###", CultureInfo.InvariantCulture) + " % (relative)",
        ToleranceKind.Relative => "±" + r.Tolerance.ToString("0.#E+0", CultureInfo.InvariantCulture) + " (relative)",
        ToleranceKind.PercentagePoints => "±" + r.Tolerance.ToString("0.###", CultureInfo.InvariantCulture) + " pp",
        _ => "±" + r.Tolerance.ToString("#,0.######", CultureInfo.InvariantCulture) + Suffix(r.Unit),
    };

    private static string Number(double v, int decimals) => v.ToString("N" + decimals, CultureInfo.InvariantCulture);

    private static string Suffix(string unit) => string.IsNullOrWhiteSpace(unit) ? "" : unit == "%" ? " %" : " " + unit;
}
