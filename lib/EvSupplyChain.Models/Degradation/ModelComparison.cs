using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

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
    /// <summary>Mean 500-cycle fade and resistance increase of <paramref name="attempts"/> generated rows per chemistry.</summary>
    public static IReadOnlyDictionary<CellChemistry, (double Fade, double Resistance)> GeneratedMeans(int attempts = 100_000, int seed = 42) =>
        Enum.GetValues<CellChemistry>().ToDictionary(c => c, c =>
        {
            var data = OriginalDegradationModel.Generate(OriginalModelParameters.For(c), attempts, seed);
            return (data.Fade.Average(), data.Resistance.Average());
        });

    /// <summary>
    /// Every value of <c>data/degradation/published.csv</c> beside the project's reproduction: the generator's mean fade
    /// and resistance per chemistry (<paramref name="attempts"/> rows, <paramref name="seed"/>) and the years an average
    /// Li-ion user takes to reach 70 % SoH with the generator's formula. An unknown quantity is an error.
    /// </summary>
    public static IReadOnlyList<PublishedValue> Published(PublishedCsv published, PredictionChoices choices, int attempts = 100_000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(choices);
        var means = GeneratedMeans(attempts, seed);
        return published.Select(e => e.Compare(e.Quantity switch
        {
            "Mean 500-cycle capacity fade, Li-ion" => means[CellChemistry.LiIon].Fade,
            "Mean 500-cycle capacity fade, Na-ion" => means[CellChemistry.NaIon].Fade,
            "Mean 500-cycle resistance increase, Li-ion" => means[CellChemistry.LiIon].Resistance,
            "Mean 500-cycle resistance increase, Na-ion" => means[CellChemistry.NaIon].Resistance,
            "Years to 70 % SoH, average Li-ion user, generator formula" => DegradationForecast.Original(
                choices.Conditions("Temperate", "Average", "Medium", 100), OriginalModelParameters.LiIon, endOfLifePercent: 70).EndOfLifeYears ?? double.NaN,
            _ => throw new Data.DataValidationException(published.File, e.Line, "quantity", $"'{e.Quantity}' is not a quantity the degradation analysis reproduces"),
        })).ToArray();
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
