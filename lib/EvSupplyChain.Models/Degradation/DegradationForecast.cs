using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

/// <summary>One step of a state-of-health forecast.</summary>
/// <param name="Step">Step number (0 = start).</param>
/// <param name="Cycles">Cycles since the start.</param>
/// <param name="Years">Years since the start.</param>
/// <param name="SohPercent">State of health, %.</param>
/// <param name="ResistancePercent">Resistance relative to the start, % (100 at the start).</param>
public sealed record ForecastStep(int Step, double Cycles, double Years, double SohPercent, double ResistancePercent);

/// <summary>A forecast until an end-of-life threshold.</summary>
/// <param name="Model">Which model made it.</param>
/// <param name="EndOfLifePercent">The threshold, % SoH.</param>
/// <param name="Steps">The steps, from the start.</param>
/// <param name="EndOfLifeYears">Years until SoH reaches the threshold (interpolated within the step), or null if not within the horizon.</param>
public sealed record SohForecast(string Model, double EndOfLifePercent, IReadOnlyList<ForecastStep> Steps, double? EndOfLifeYears)
{
    /// <summary>The steps as a table.</summary>
    public Table ToTable() => Table.From(Steps, $"{Model}: SoH forecast to {EndOfLifePercent:G3} % " +
        (EndOfLifeYears is { } y ? $"(reached after {y:N2} years)" : "(not reached within the horizon)")).WithNumberFormat("N2").WithFormat("N0", "Step", "Cycles");
}

/// <summary>
/// Multi-period SoH forecasts in 500-cycle steps (the original's <c>1forecast_degradation.py</c>): each step lasts
/// 500 / (cycles per day × 365.25) years.
/// </summary>
public static class DegradationForecast
{
    /// <summary>Days per year used by the original tools.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>
    /// Steps a 500-cycle predictor (the generator's noise-free formula, or a surrogate): SoH ← SoH − max(0, fade) with
    /// the current SoH fed back as the input, resistance accumulates. Fade is subtracted in percentage points, as in
    /// the original (it treats the relative fade as points).
    /// </summary>
    public static SohForecast Stepwise(string model, Func<OperatingConditions, DegradationOutcome> next500Cycles, OperatingConditions start,
        double endOfLifePercent = 80, double horizonYears = 30, int cyclesPerStep = 500)
    {
        ArgumentNullException.ThrowIfNull(next500Cycles);
        Check(start, endOfLifePercent, horizonYears);
        var stepYears = cyclesPerStep / (start.CyclesPerDay * DaysPerYear);
        var steps = new List<ForecastStep> { new(0, 0, 0, start.InitialSohPercent, 100) };
        var x = start;
        double? eol = start.InitialSohPercent <= endOfLifePercent ? 0 : null;
        while (eol is null && steps[^1].Years + stepYears <= horizonYears + 1e-9)
        {
            var o = next500Cycles(x);
            var last = steps[^1];
            var soh = Math.Max(0, last.SohPercent - Math.Max(0, o.CapacityFadePercent));
            var step = new ForecastStep(last.Step + 1, last.Cycles + cyclesPerStep, last.Years + stepYears, soh, last.ResistancePercent + Math.Max(0, o.ResistanceIncreasePercent));
            steps.Add(step);
            if (soh <= endOfLifePercent) eol = Crossing(last, step, endOfLifePercent);
            else x = x with { InitialSohPercent = soh };
        }
        return new SohForecast(model, endOfLifePercent, steps, eol);
    }

    /// <summary>The generator's noise-free formula stepped from <paramref name="start"/>.</summary>
    public static SohForecast Original(OperatingConditions start, OriginalModelParameters parameters, double endOfLifePercent = 80, double horizonYears = 30) =>
        Stepwise($"original formula ({parameters.Chemistry.Label()})", x => OriginalDegradationModel.Expected(x, parameters), start, endOfLifePercent, horizonYears, parameters.Cycles);

    /// <summary>
    /// A semi-empirical law on the same 500-cycle grid. A cell starting below 100 % is given the equivalent age at which
    /// the fresh-cell law reaches that SoH under the same conditions, then ages from there.
    /// </summary>
    public static SohForecast SemiEmpirical(ISemiEmpiricalAgeingModel model, OperatingConditions start, double endOfLifePercent = 80, double horizonYears = 30, int cyclesPerStep = 500)
    {
        ArgumentNullException.ThrowIfNull(model);
        Check(start, endOfLifePercent, horizonYears);
        var stepper = SemiEmpiricalStepper(model, start, cyclesPerStep);
        var stepDays = cyclesPerStep / AgeingConditions.From(start).CyclesPerDay;
        var steps = new List<ForecastStep> { new(0, 0, 0, start.InitialSohPercent, 100) };
        double? eol = start.InitialSohPercent <= endOfLifePercent ? 0 : null;
        for (var k = 1; eol is null && k * stepDays / DaysPerYear <= horizonYears + 1e-9; k++)
        {
            var step = stepper(k);
            if (step.SohPercent <= endOfLifePercent) eol = Crossing(steps[^1], step, endOfLifePercent);
            steps.Add(step);
        }
        return new SohForecast(model.Name, endOfLifePercent, steps, eol);
    }

    /// <summary>The first <paramref name="cycles"/>-cycle step of a semi-empirical law from <paramref name="start"/>,
    /// whatever the starting SoH (no end-of-life threshold applies).</summary>
    public static ForecastStep SemiEmpiricalStep(ISemiEmpiricalAgeingModel model, OperatingConditions start, int cycles = 500)
    {
        ArgumentNullException.ThrowIfNull(model);
        Check(start, 1, 1);
        return SemiEmpiricalStepper(model, start, cycles)(1);
    }

    // Step k of a semi-empirical law started at the equivalent age of the starting SoH.
    private static Func<int, ForecastStep> SemiEmpiricalStepper(ISemiEmpiricalAgeingModel model, OperatingConditions start, int cyclesPerStep)
    {
        var conditions = AgeingConditions.From(start);
        var stepDays = cyclesPerStep / conditions.CyclesPerDay;
        var age = EquivalentAgeDays(model, conditions, 100 - start.InitialSohPercent);
        var startRes = model.Evaluate(conditions, age).ResistanceIncreasePercent;
        return k =>
        {
            var r = model.Evaluate(conditions, age + k * stepDays);
            return new ForecastStep(k, k * cyclesPerStep, k * stepDays / DaysPerYear, Math.Max(0, 100 - r.CapacityFadePercent), 100 + r.ResistanceIncreasePercent - startRes);
        };
    }

    /// <summary>SoH against years for several forecasts, with the threshold line.</summary>
    public static Figure ToFigure(IEnumerable<SohForecast> forecasts, string title = "State of health forecast")
    {
        var fig = new Figure(title);
        double? threshold = null;
        var maxYears = 0.0;
        foreach (var f in forecasts)
        {
            threshold = f.EndOfLifePercent;
            maxYears = Math.Max(maxYears, f.Steps[^1].Years);
            fig.AddTrace(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines+markers", ["name"] = f.Model,
                ["x"] = Figures.Arr(f.Steps.Select(s => s.Years).ToArray()), ["y"] = Figures.Arr(f.Steps.Select(s => s.SohPercent).ToArray()),
            });
        }
        if (threshold is { } t)
            fig.AddTrace(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines", ["name"] = $"end of life ({t:G3} %)", ["x"] = Figures.Arr([0, maxYears]), ["y"] = Figures.Arr([t, t]),
                ["line"] = new System.Text.Json.Nodes.JsonObject { ["dash"] = "dash", ["color"] = "gray" },
            });
        return fig.WithAxisTitles("years", "state of health (%)");
    }

    private static double EquivalentAgeDays(ISemiEmpiricalAgeingModel model, AgeingConditions c, double fade)
    {
        if (fade <= 0) return 0;
        double lo = 0, hi = 365;
        while (model.Evaluate(c, hi).CapacityFadePercent < fade)
        {
            hi *= 2;
            if (hi > 1e6) throw new ArgumentOutOfRangeException(nameof(fade), fade, $"the model never reaches {fade:G4} % fade under these conditions; choose a higher starting SoH.");
        }
        for (var i = 0; i < 100 && hi - lo > 1e-9; i++)
        {
            var mid = (lo + hi) / 2;
            if (model.Evaluate(c, mid).CapacityFadePercent < fade) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double Crossing(ForecastStep a, ForecastStep b, double threshold) =>
        a.SohPercent == b.SohPercent ? b.Years : a.Years + (a.SohPercent - threshold) / (a.SohPercent - b.SohPercent) * (b.Years - a.Years);

    private static void Check(OperatingConditions start, double endOfLifePercent, double horizonYears)
    {
        OperatingConditions.Check(nameof(endOfLifePercent), endOfLifePercent, 1, 100);
        OperatingConditions.Check(nameof(horizonYears), horizonYears, 0.1, 200);
        OperatingConditions.Check("InitialSohPercent", start.InitialSohPercent, 0, 100);
        if (!(start.CyclesPerDay > 0)) throw new ArgumentOutOfRangeException(nameof(start), start.CyclesPerDay, "CyclesPerDay must be above 0 to turn cycles into years.");
    }
}
