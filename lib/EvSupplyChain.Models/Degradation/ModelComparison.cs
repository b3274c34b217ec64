using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

/// <summary>A generated mean next to the value MODEL_SPEC §1.3 reports for 100,000 samples.</summary>
/// <param name="Chemistry">Chemistry.</param>
/// <param name="Output">Output column.</param>
/// <param name="SpecMean">The spec's mean, %.</param>
/// <param name="GeneratedMean">Mean of the generated rows, %.</param>
/// <param name="GeneratedStdDev">Standard deviation of the generated rows, %.</param>
public sealed record SpecStatistic(CellChemistry Chemistry, string Output, double SpecMean, double GeneratedMean, double GeneratedStdDev)
{
    /// <summary>Generated minus spec, percentage points.</summary>
    public double Difference => GeneratedMean - SpecMean;
}

/// <summary>500-cycle capacity fade of each model at one temperature.</summary>
/// <param name="TemperatureC">Cell temperature, °C.</param>
/// <param name="OriginalLiIon">The original heuristic, Li-ion, %.</param>
/// <param name="OriginalNaIon">The original heuristic, Na-ion, %.</param>
/// <param name="Lfp">Semi-empirical LFP, %.</param>
/// <param name="Nmc">Semi-empirical NMC, %.</param>
public sealed record FadeComparison(double TemperatureC, double OriginalLiIon, double OriginalNaIon, double Lfp, double Nmc);

/// <summary>Side-by-side views of the original heuristic and the semi-empirical models.</summary>
public static class ModelComparison
{
    /// <summary>MODEL_SPEC §1.3's 100k-sample means (fade, resistance) per chemistry.</summary>
    public static IReadOnlyDictionary<CellChemistry, (double Fade, double Resistance)> SpecMeans { get; } =
        new Dictionary<CellChemistry, (double, double)> { [CellChemistry.LiIon] = (20.7, 9.8), [CellChemistry.NaIon] = (17.4, 9.9) };

    /// <summary>Generates <paramref name="attempts"/> rows per chemistry and compares the means with the spec.</summary>
    public static IReadOnlyList<SpecStatistic> SpecStatistics(int attempts = 100_000, int seed = 42)
    {
        var rows = new List<SpecStatistic>();
        foreach (var chemistry in Enum.GetValues<CellChemistry>())
        {
            var data = OriginalDegradationModel.Generate(OriginalModelParameters.For(chemistry), attempts, seed);
            var fade = ColumnSummary.Of("fade", data.Fade);
            var res = ColumnSummary.Of("resistance", data.Resistance);
            rows.Add(new(chemistry, "capacity_fade_percent", SpecMeans[chemistry].Fade, fade.Mean, fade.StdDev));
            rows.Add(new(chemistry, "resistance_increase_percent", SpecMeans[chemistry].Resistance, res.Mean, res.StdDev));
        }
        return rows;
    }

    /// <summary>
    /// 500-cycle fade against temperature for the usage in <paramref name="usage"/> (its temperature is replaced).
    /// The semi-empirical models take the temperature as the cell temperature and convert 500 cycles to time with
    /// the usage's cycles per day.
    /// </summary>
    public static IReadOnlyList<FadeComparison> FadeVersusTemperature(OperatingConditions usage, IEnumerable<double> temperaturesC, double cycles = 500)
    {
        var lfp = SemiEmpiricalAgeing.For(AgeingCell.Lfp);
        var nmc = SemiEmpiricalAgeing.For(AgeingCell.Nmc);
        return temperaturesC.Select(t =>
        {
            var x = usage with { AvgTempC = t };
            var c = AgeingConditions.From(x);
            return new FadeComparison(t,
                OriginalDegradationModel.Expected(x, OriginalModelParameters.LiIon with { Cycles = (int)cycles }).CapacityFadePercent,
                OriginalDegradationModel.Expected(x, OriginalModelParameters.NaIon with { Cycles = (int)cycles }).CapacityFadePercent,
                lfp.OverCycles(c, cycles).CapacityFadePercent,
                nmc.OverCycles(c, cycles).CapacityFadePercent);
        }).ToArray();
    }

    /// <summary>The comparison as a line figure.</summary>
    public static Figure ToFigure(IReadOnlyList<FadeComparison> rows, string title = "Capacity fade over 500 cycles vs cell temperature")
    {
        var x = rows.Select(r => r.TemperatureC).ToArray();
        return Figures.Lines(title, x,
        [
            new Series("original heuristic, Li-ion", rows.Select(r => r.OriginalLiIon).ToArray()),
            new Series("original heuristic, Na-ion", rows.Select(r => r.OriginalNaIon).ToArray()),
            new Series("semi-empirical LFP", rows.Select(r => r.Lfp).ToArray()),
            new Series("semi-empirical NMC", rows.Select(r => r.Nmc).ToArray()),
        ], markers: true).WithAxisTitles("cell temperature (°C)", "capacity fade over 500 cycles (%)");
    }
}
