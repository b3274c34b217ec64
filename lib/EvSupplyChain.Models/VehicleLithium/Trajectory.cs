namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>A yearly series from anchor years, linear between anchors; it must cover the model's whole period.</summary>
public sealed class Trajectory
{
    private readonly int[] _years;
    private readonly double[] _values;

    /// <summary>From (year, value) anchors; years must be distinct.</summary>
    public Trajectory(IEnumerable<(int Year, double Value)> anchors)
    {
        var sorted = anchors.OrderBy(a => a.Year).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("A trajectory needs at least one anchor year.", nameof(anchors));
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i].Year == sorted[i - 1].Year) throw new ArgumentException($"Year {sorted[i].Year} appears twice.", nameof(anchors));
        _years = sorted.Select(a => a.Year).ToArray();
        _values = sorted.Select(a => a.Value).ToArray();
    }

    /// <summary>First anchor year.</summary>
    public int FirstYear => _years[0];

    /// <summary>Last anchor year.</summary>
    public int LastYear => _years[^1];

    /// <summary>The anchors.</summary>
    public IEnumerable<(int Year, double Value)> Anchors => _years.Zip(_values);

    /// <summary>The value in <paramref name="year"/>, linear between anchors; only inside [FirstYear, LastYear].</summary>
    public double At(int year)
    {
        if (year < FirstYear || year > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the series covers {FirstYear}–{LastYear} only");
        var i = Array.BinarySearch(_years, year);
        if (i >= 0) return _values[i];
        i = ~i;
        var t = (year - _years[i - 1]) / (double)(_years[i] - _years[i - 1]);
        return _values[i - 1] + t * (_values[i] - _values[i - 1]);
    }

    /// <summary>The values for every year of [first, last].</summary>
    public double[] Yearly(int first, int last) => Enumerable.Range(first, last - first + 1).Select(At).ToArray();
}

/// <summary>
/// A plug-in share of new sales following a logistic curve: share(t) = S / (1 + exp(−k (t − t_mid))), zero before
/// <see cref="FirstYear"/> and throughout when S = 0. The steepness k comes from <see cref="TransitionYears"/> (10 % → 90 %
/// of S takes ln 81 / k years) or, when that is not given, from an observed share in an observed year.
/// </summary>
/// <param name="FirstYear">First year with plug-in sales.</param>
/// <param name="ObservedYear">Year of the observed share.</param>
/// <param name="ObservedShare">Observed plug-in share of sales in that year.</param>
/// <param name="SaturationShare">Long-run share S.</param>
/// <param name="MidpointYear">Year at which half the saturation share is reached.</param>
/// <param name="TransitionYears">Years from 10 % to 90 % of S; null to pass through the observed share instead.</param>
/// <param name="BevShareOfPlugIn">Share of BEVs among plug-in sales (the rest PHEV).</param>
public sealed record PlugInShareCurve(int FirstYear, int ObservedYear, double ObservedShare, double SaturationShare, double MidpointYear,
    double? TransitionYears, double BevShareOfPlugIn)
{
    /// <summary>Plug-in share of all sales in <paramref name="year"/>.</summary>
    public double Share(int year)
    {
        if (SaturationShare == 0 || year < FirstYear) return 0;
        return SaturationShare / (1 + Math.Exp(-Steepness * (year - MidpointYear)));
    }

    /// <summary>k of the logistic curve (per year).</summary>
    public double Steepness => SaturationShare == 0 ? 0
        : TransitionYears is { } t ? Math.Log(81) / t
        : Math.Log(SaturationShare / ObservedShare - 1) / (MidpointYear - ObservedYear);

    /// <summary>Checks the curve is well defined; the message names the broken rule.</summary>
    public string? Problem()
    {
        if (SaturationShare == 0) return null;
        if (TransitionYears is { } t) return t > 0 ? null : $"transition_years {t} must be > 0";
        if (!(ObservedShare > 0 && ObservedShare < SaturationShare)) return $"observed_share {ObservedShare} must be above 0 and below saturation_share {SaturationShare}";
        if (!(MidpointYear > ObservedYear)) return $"midpoint_year {MidpointYear} must be after observed_year {ObservedYear}";
        return null;
    }
}
