using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

/// <summary>Fade and resistance over the next 500 cycles for one choice, from one model.</summary>
/// <param name="Model">Model name.</param>
/// <param name="CapacityFadePercent">Fade over the next 500 cycles, %.</param>
/// <param name="ResistanceIncreasePercent">Resistance increase over the next 500 cycles, %.</param>
/// <param name="FinalSohPercent">Starting SoH minus the fade (the original's convention: percentage points).</param>
/// <param name="Warnings">Inputs outside the surrogate's training range, or notes; empty when none.</param>
public sealed record DegradationPrediction(string Model, double CapacityFadePercent, double ResistanceIncreasePercent, double FinalSohPercent, string Warnings);

/// <summary>The interactive predictor: simplified choices → features → predictions from each model.</summary>
public static class InteractivePrediction
{
    /// <summary>Attempts generated to train the surrogate the predictor uses.</summary>
    public const int DefaultTrainingAttempts = 20_000;

    /// <summary>Generates <paramref name="attempts"/> rows with <paramref name="seed"/> and trains a surrogate of
    /// <paramref name="kind"/> on them (80 % train).</summary>
    public static SurrogateTraining Train(CellChemistry chemistry, int attempts = DefaultTrainingAttempts, int seed = 42, SurrogateKind kind = SurrogateKind.Ridge) =>
        SurrogateTraining.Run(OriginalDegradationModel.Generate(OriginalModelParameters.For(chemistry), attempts, seed), new SurrogateOptions { Kind = kind });

    /// <summary>
    /// Predictions for <paramref name="x"/> from the surrogate, the generator's noise-free formula and (for Li-ion) the
    /// LFP and NMC semi-empirical laws over 500 cycles at the same conditions.
    /// </summary>
    public static IReadOnlyList<DegradationPrediction> Predict(IDegradationSurrogate surrogate, OperatingConditions x)
    {
        ArgumentNullException.ThrowIfNull(surrogate);
        var rows = new List<DegradationPrediction>();
        var s = surrogate.Predict(x);
        rows.Add(Row($"surrogate: {surrogate.Name} ({surrogate.Chemistry.Label()})", x, s, string.Join(" ", surrogate.RangeWarnings(x))));
        var f = OriginalDegradationModel.Expected(x, OriginalModelParameters.For(surrogate.Chemistry));
        rows.Add(Row($"original formula, noise-free ({surrogate.Chemistry.Label()})", x, f, x.AvgTempC <= 25 ? "formula ignores temperatures at or below 25 °C." : ""));
        if (surrogate.Chemistry == CellChemistry.LiIon)
        {
            foreach (var cell in new[] { AgeingCell.Lfp, AgeingCell.Nmc })
            {
                rows.Add(SemiEmpirical(SemiEmpiricalAgeing.For(cell), x));
            }
        }
        return rows;
    }

    /// <summary>The next 500 cycles from a semi-empirical law, started at the age where it reaches the starting SoH.</summary>
    public static DegradationPrediction SemiEmpirical(ISemiEmpiricalAgeingModel law, OperatingConditions x)
    {
        var step = DegradationForecast.SemiEmpiricalStep(law, x);
        return new DegradationPrediction($"semi-empirical {law.Name}", x.InitialSohPercent - step.SohPercent, step.ResistancePercent - 100, step.SohPercent,
            "temperature taken as cell temperature.");
    }

    /// <summary>Predictions as a table.</summary>
    public static Table ToTable(IReadOnlyList<DegradationPrediction> rows, string title) => Table.From(rows, title).WithNumberFormat("N2");

    // Final SoH is the start minus the fade, floored at 0 % with a note (a cell cannot hold negative capacity).
    private static DegradationPrediction Row(string model, OperatingConditions x, DegradationOutcome o, string warnings)
    {
        var final = x.InitialSohPercent - o.CapacityFadePercent;
        if (final >= 0) return new(model, o.CapacityFadePercent, o.ResistanceIncreasePercent, final, warnings);
        var note = $"the fade ({o.CapacityFadePercent:G4} %) exceeds the starting SoH; final SoH floored at 0 %.";
        return new(model, o.CapacityFadePercent, o.ResistanceIncreasePercent, 0, string.IsNullOrEmpty(warnings) ? note : warnings + " " + note);
    }
}
