using EvSupplyChain.Models.Display;
using Microsoft.Data.Analysis;

namespace EvSupplyChain.Models.Degradation;

/// <summary>Reader-facing tables of the degradation analysis (notebook 05): word headers with units.</summary>
public static class DegradationViews
{
    /// <summary>Header of each feature in column order, e.g. "Temperature (°C)".</summary>
    public static IReadOnlyList<string> FeatureLabels { get; } =
        ["Temperature (°C)", "Depth of discharge", "Charge rate (C)", "Discharge rate (C)", "Cycles per day", "Initial SoH (%)", "Traffic level"];

    /// <summary>Header of the fade output.</summary>
    public const string FadeLabel = "Capacity fade (%)";

    /// <summary>Header of the resistance output.</summary>
    public const string ResistanceLabel = "Resistance increase (%)";

    /// <summary>A reader's label for a feature or output column name of the original CSV ("avg_temp_c" → "Temperature (°C)").</summary>
    public static string Label(string column) => column switch
    {
        "capacity_fade_percent" => FadeLabel,
        "resistance_increase_percent" => ResistanceLabel,
        _ => OperatingConditions.FeatureNames.ToList().IndexOf(column) is var j and >= 0 ? FeatureLabels[j] : column,
    };

    /// <summary>The generator's input distributions for one chemistry.</summary>
    public static Table Inputs(OriginalModelParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        static string Normal(NormalInput d) => $"normal, mean {d.Mean:G4}, sd {d.StdDev:G4}" + Clip(d.Min, d.Max);
        static string Uniform(UniformInput d) => $"uniform on [{d.Low:G4}, {d.High:G4}]" + Clip(d.ClipMin, d.ClipMax);
        static string Clip(double lo, double hi) => double.IsInfinity(lo) && double.IsInfinity(hi) ? "" :
            $", clipped to [{(double.IsInfinity(lo) ? "−∞" : lo.ToString("G4"))}, {(double.IsInfinity(hi) ? "∞" : hi.ToString("G4"))}]";
        string[] draws = [Normal(p.Temperature), Uniform(p.Dod), Uniform(p.ChargeRate), Uniform(p.DischargeRate), Normal(p.CyclesPerDay), Normal(p.InitialSoh), "0, 1 or 2, equally likely"];
        string[] used = ["yes, above the reference temperature", "yes", "yes", "yes, times the traffic multiplier", "no (sampled, never used)", "yes, through the SoH multiplier", "yes, through the traffic multiplier"];
        return Table.Create([new("Input", typeof(string)), new("Distribution", typeof(string)), new("Used by the formula", typeof(string))],
            Enumerable.Range(0, OperatingConditions.FeatureCount).Select(j => (IReadOnlyList<object?>)[FeatureLabels[j], draws[j], used[j]]),
            $"{p.Chemistry.Label()} generator inputs (MODEL_SPEC §1.2)");
    }

    /// <summary>The first <paramref name="rows"/> generated rows with word headers.</summary>
    public static Table Sample(DegradationDataset data, int rows = 8)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Table.From(ToDataFrame(data, rows), $"{data.Chemistry.Label()}: first {Math.Min(rows, data.Count):N0} of {data.Count:N0} generated rows")
            .WithNumberFormat("N2").WithFormat("N0", FeatureLabels[6]);
    }

    /// <summary>Generated rows (all by default) as a DataFrame with one typed column per feature and output, word headers.</summary>
    public static DataFrame ToDataFrame(DegradationDataset data, int? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var take = data.Samples.Take(rows ?? data.Count).ToArray();
        var columns = new List<DataFrameColumn>();
        for (var j = 0; j < OperatingConditions.FeatureCount - 1; j++)
            columns.Add(new DoubleDataFrameColumn(FeatureLabels[j], take.Select(s => s.Inputs.Feature(j))));
        columns.Add(new Int32DataFrameColumn(FeatureLabels[6], take.Select(s => s.Inputs.TrafficLevel)));
        columns.Add(new DoubleDataFrameColumn(FadeLabel, take.Select(s => s.CapacityFadePercent)));
        columns.Add(new DoubleDataFrameColumn(ResistanceLabel, take.Select(s => s.ResistanceIncreasePercent)));
        return new DataFrame(columns);
    }

    /// <summary>Mean, standard deviation, central 95 % interval and range of every column.</summary>
    public static Table Summary(DegradationDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Summary(data.Summary(), $"{data.Chemistry.Label()}: {data.Count:N0} rows from {data.Attempts:N0} attempts (seed {data.Seed})");
    }

    /// <summary>Column summaries with word headers.</summary>
    public static Table Summary(IEnumerable<ColumnSummary> rows, string title) =>
        Table.Create(
        [
            new("Column", typeof(string)), new("Mean", typeof(double), "N2"), new("Standard deviation", typeof(double), "N2"),
            new("2.5th percentile", typeof(double), "N2"), new("97.5th percentile", typeof(double), "N2"), new("Minimum", typeof(double), "N2"), new("Maximum", typeof(double), "N2"),
        ], rows.Select(r => (IReadOnlyList<object?>)[Label(r.Column), r.Mean, r.StdDev, r.P2_5, r.P97_5, r.Min, r.Max]), title);

    /// <summary>500-cycle fade of each model against temperature.</summary>
    public static Table FadeVersusTemperature(IReadOnlyList<FadeComparison> rows, string title) =>
        Table.Create(
        [
            new("Cell temperature (°C)", typeof(double), "N0"), new("Original heuristic, Li-ion (%)", typeof(double), "N2"), new("Original heuristic, Na-ion (%)", typeof(double), "N2"),
            new("Semi-empirical LFP (%)", typeof(double), "N2"), new("Semi-empirical NMC (%)", typeof(double), "N2"),
        ], rows.Select(r => (IReadOnlyList<object?>)[r.TemperatureC, r.OriginalLiIon, r.OriginalNaIon, r.Lfp, r.Nmc]), title);

    /// <summary>The thermal lookup with word headers.</summary>
    public static Table Lookup(BatteryTemperatureLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return Table.Create(
            [new("Ambient (°C)", typeof(double), "N0"), new("Average battery (°C)", typeof(double), "N1"), new("Peak battery (°C)", typeof(double), "N1"),
             new("Average rise (K)", typeof(double), "N2"), new("Peak rise (K)", typeof(double), "N2")],
            lookup.Rows.Select(r => (IReadOnlyList<object?>)[r.AmbientC, r.AverageC, r.PeakC, r.AverageRiseK, r.PeakRiseK]),
            $"Battery temperature while charging ({lookup.Source})");
    }

    /// <summary>Permutation importance with word headers.</summary>
    public static Table Importance(IEnumerable<PermutationImportance> rows, string title) =>
        Table.Create(
        [
            new("Input", typeof(string)), new("Fade MSE increase (%²)", typeof(double), "N4"), new("Fade sd (%²)", typeof(double), "N4"),
            new("Resistance MSE increase (%²)", typeof(double), "N4"), new("Resistance sd (%²)", typeof(double), "N4"),
        ], rows.Select(r => (IReadOnlyList<object?>)[Label(r.Feature), r.FadeMseIncrease, r.FadeMseIncreaseSd, r.ResistanceMseIncrease, r.ResistanceMseIncreaseSd]), title);

    /// <summary>Predictions of each model for one choice.</summary>
    public static Table Predictions(IReadOnlyList<DegradationPrediction> rows, string title) =>
        Table.Create(
        [
            new("Model", typeof(string)), new("Fade over 500 cycles (%)", typeof(double), "N2"), new("Resistance increase (%)", typeof(double), "N2"),
            new("SoH after 500 cycles (%)", typeof(double), "N2"), new("Notes", typeof(string)),
        ], rows.Select(r => (IReadOnlyList<object?>)[r.Model, r.CapacityFadePercent, r.ResistanceIncreasePercent, r.FinalSohPercent, r.Warnings]), title);

    /// <summary>The steps of a forecast.</summary>
    public static Table Forecast(SohForecast f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Table.Create(
            [new("Step", typeof(int), "N0"), new("Cycles", typeof(double), "N0"), new("Years", typeof(double), "N2"), new("SoH (%)", typeof(double), "N2"),
             new("Resistance (% of start)", typeof(double), "N1")],
            f.Steps.Select(s => (IReadOnlyList<object?>)[s.Step, s.Cycles, s.Years, s.SohPercent, s.ResistancePercent]), f.ToTable().Title);
    }

    /// <summary>Years to the end-of-life threshold for each forecast.</summary>
    public static Table YearsToEndOfLife(IEnumerable<SohForecast> forecasts, string title) =>
        Table.Create(
            [new("Model", typeof(string)), new("End of life (% SoH)", typeof(double), "N0"), new("Years to end of life", typeof(double), "N2"), new("SoH at the last step (%)", typeof(double), "N2")],
            forecasts.Select(f => (IReadOnlyList<object?>)[f.Model, f.EndOfLifePercent, f.EndOfLifeYears, f.Steps[^1].SohPercent]), title);
    /// <summary>The chemistry constants of the fade and resistance formulas (MODEL_SPEC §1.3), one column per chemistry.</summary>
    public static Table Constants()
    {
        var ps = Enum.GetValues<CellChemistry>().Select(OriginalModelParameters.For).ToArray();
        (string Symbol, string Meaning, Func<OriginalModelParameters, double> Value)[] rows =
        [
            ("b_F", "Base fade (%)", p => p.BaseFade), ("b_R", "Base resistance increase (%)", p => p.BaseResistance),
            ("e_T", "Temperature exponent of fade", p => p.FadeTemperatureExponent), ("e_D", "Depth-of-discharge exponent", p => p.DodExponent),
            ("k_SEI", "SEI growth constant (%)", p => p.SeiConstant), ("k_pl", "Lithium-plating constant (%)", p => p.PlatingConstant),
            ("N", "Cycles per block", p => p.Cycles), ("σ_F", "Fade noise sd (%)", p => p.FadeNoiseSd), ("σ_R", "Resistance noise sd (%)", p => p.ResistanceNoiseSd),
        ];
        return Table.Create(
            new TableColumn[] { new("Symbol", typeof(string)), new("Meaning", typeof(string)) }.Concat(ps.Select(p => new TableColumn(p.Chemistry.Label(), typeof(double), "G4"))),
            rows.Select(r => (IReadOnlyList<object?>)new object?[] { r.Symbol, r.Meaning }.Concat(ps.Select(p => (object?)r.Value(p))).ToArray()),
            "Chemistry constants of the generator (MODEL_SPEC §1.3)");
    }

    /// <summary>The cell assumed by the thermal model, one row per property with its unit.</summary>
    public static Table Cell(ThermalCellParameters c)
    {
        ArgumentNullException.ThrowIfNull(c);
        (string, double, string)[] rows =
        [
            ("Capacity", c.CapacityAh, "Ah"), ("Charge rate", c.ChargeRateC, "C"), ("State of charge at the start", c.InitialSoc * 100, "%"),
            ("State of charge at the end", c.FinalSoc * 100, "%"), ("Mass", c.MassKg * 1000, "g"), ("Specific heat capacity", c.HeatCapacityJPerKgK, "J/(kg·K)"),
            ("Cooling area", c.CoolingAreaM2 * 1e4, "cm²"), ("Heat-transfer coefficient", c.HeatTransferWPerM2K, "W/(m²·K)"),
            ("Internal resistance at 25 °C", c.Resistance25Ohm * 1000, "mΩ"), ("Activation energy of the resistance", c.ActivationEnergyJPerMol / 1000, "kJ/mol"),
            ("Charging current", c.CurrentA, "A"), ("Thermal time constant", c.TimeConstantS, "s"), ("Constant-current charge duration", c.ChargeDurationS, "s"),
        ];
        return Table.Create([new("Property", typeof(string)), new("Value", typeof(double), "G4"), new("Unit", typeof(string))],
            rows.Select(r => (IReadOnlyList<object?>)[r.Item1, r.Item2, r.Item3]), "Cell assumed by the thermal model (MODEL_SPEC §5.6; assumptions, not measurements)");
    }
}
