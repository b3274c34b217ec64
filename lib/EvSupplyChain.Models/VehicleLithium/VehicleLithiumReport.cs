using System.Globalization;
using System.Text.Json.Nodes;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>A row of the annual series (mt Li).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="LdvManufacturing">LDV vehicle-manufacturing inflow.</param>
/// <param name="LdvReplacement">LDV battery-replacement inflow.</param>
/// <param name="HdvManufacturing">HDV vehicle-manufacturing inflow.</param>
/// <param name="HdvReplacement">HDV battery-replacement inflow.</param>
/// <param name="Gross">Gross demand (all inflow).</param>
/// <param name="Scrappage">Vehicle-scrappage outflow.</param>
/// <param name="Outflow">All outflow (scrappage + replaced batteries).</param>
/// <param name="Recycled">Recycled lithium.</param>
/// <param name="Net">Net demand.</param>
/// <param name="Stock">Lithium in the fleet at year end.</param>
public sealed record AnnualRow(int Year, double LdvManufacturing, double LdvReplacement, double HdvManufacturing, double HdvReplacement,
    double Gross, double Scrappage, double Outflow, double Recycled, double Net, double Stock);

/// <summary>Accumulated 2000–2100 totals of one scenario (mt Li).</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Gross">Accumulated gross demand.</param>
/// <param name="HdvManufacturing">Of which HDV manufacturing.</param>
/// <param name="HdvReplacement">Of which HDV battery replacement.</param>
/// <param name="Recycled">Accumulated recycled lithium.</param>
/// <param name="Net">Accumulated net demand.</param>
/// <param name="MineProduction">Mine-production equivalent (net / 0.9).</param>
/// <param name="NetOverReserves">Net demand over the 14 mt reserves.</param>
public sealed record TotalsRow(string Scenario, double Gross, double HdvManufacturing, double HdvReplacement, double Recycled, double Net,
    double MineProduction, double NetOverReserves);

/// <summary>Tables and figures of the vehicle lithium analysis, for the notebook and the CLI.</summary>
public static class VehicleLithiumReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The citation of the reproduced paper.</summary>
    public const string Citation = "Hao et al. 2019";

    /// <summary>A vehicle type in words.</summary>
    public static string Label(VehicleType type) => type switch
    {
        VehicleType.PassengerCar => "Passenger car",
        VehicleType.LightCommercial => "Light commercial vehicle",
        VehicleType.MediumTruck => "Medium truck",
        VehicleType.HeavyTruck => "Heavy truck",
        VehicleType.Bus => "Bus",
        _ => type.ToString(),
    };

    /// <summary>A calibrated parameter in words with its unit (the name itself is what <c>--set</c> takes).</summary>
    public static string Label(string parameter) => parameter switch
    {
        "lithium_kg_per_kwh" => "Lithium content (kg/kWh)",
        "recycling_rate" => "Recycling rate",
        "ldv_midpoint_year" => "LDV S-curve midpoint (year)",
        "hdv_midpoint_year" => "HDV S-curve midpoint (year)",
        "hdv_sales_scale" => "HDV sales scale",
        "hdv_mileage_scale" => "HDV mileage scale",
        "life_scale" => "Vehicle life scale",
        "sales_growth_scale" => "Sales growth scale",
        _ => parameter,
    };

    /// <summary>Every input value with its sourced range and source (what <c>evsc lithium --parameters</c> prints).</summary>
    public static Table Inputs(VehicleLithiumInputs inputs, CalibrationResult? fit = null)
    {
        var fitted = fit?.Parameters.ToDictionary(p => p.Bounds.Name, p => p.Fitted);
        var rows = inputs.Sources.Select(s => new
        {
            s.File, Input = s.Name, Used = fitted is not null && fitted.TryGetValue(s.Name, out var f) ? f : s.Central,
            s.Central, s.Low, s.High, s.Unit, Calibrated = s.Calibrated ? "yes" : "", s.Source,
        }).ToList();
        return Table.From(rows, fit is null ? "Model inputs: central values and sourced ranges" : $"Model inputs: values used (fitted on {fit.FitOn}) and sourced ranges")
            .WithFormat("0.#####", "Used", "Central", "Low", "High")
            .Rename("Used", "Value used").Rename("Low", "Range low").Rename("High", "Range high");
    }

    /// <summary>The scenarios as a table: what each assumes and its inputs.</summary>
    public static Table Scenarios(VehicleLithiumInputs inputs) => Table.From(inputs.Scenarios.Select(s => new
        {
            Scenario = s.Name, s.Description, Hdv = s.Hdv.SaturationShare > 0 ? "yes" : "no", Range = s.HdvRangeKm,
            Cycles = s.CycleLifeInitial == s.CycleLifeImproved ? s.CycleLifeInitial.ToString("0", Inv)
                : $"{s.CycleLifeInitial.ToString("0", Inv)} → {s.CycleLifeImproved.ToString("0", Inv)} by {s.ImprovementEndYear}",
        }), "Scenarios (Hao et al. 2019, Methods)").WithFormat("0", "Range")
        .Rename("Hdv", "Plug-in HDVs").Rename("Range", "HDV electric range (km)").Rename("Cycles", "Battery cycle life (cycles)");

    /// <summary>
    /// Every published value beside the model's, for <see cref="PublishedComparison"/>: the fitted targets say they
    /// are the best fit inside the sourced ranges, the others that they are predicted out of sample.
    /// </summary>
    public static IReadOnlyList<PublishedValue> Published(VehicleLithiumInputs inputs, CalibrationResult fit)
    {
        var all = Calibration.Compare(inputs, fit.Fitted);
        return all.Select(f => new PublishedValue(f.Target.Name, f.Target.Source, f.Target.ValueMt, f.Model, f.Target.Tolerance,
            f.Target.ToleranceIsAbsolute ? ToleranceKind.Absolute : ToleranceKind.Relative, "mt Li",
            fit.Fits.Any(x => x.Target == f.Target) ? $"best fit inside the sourced ranges (fitted on {fit.FitOn})" : $"predicted out of sample (fitted on {fit.FitOn})")).ToList();
    }

    /// <summary>Battery capacity against electric range for one type: solved eqs (7)–(8) vs the same range without the weight feedback.</summary>
    public static Figure CapacityVsRange(VehicleLithiumInputs inputs, VehicleType type, int year, IReadOnlyList<double> rangesKm)
    {
        var spec = inputs.Spec(type);
        var kgPerKwh = 1000 / inputs.PackWhPerKg.At(year);
        var ph = inputs.Physics;
        var withWeight = rangesKm.Select(r => ph.Capacity(r, kgPerKwh, spec.MassExclBatteryKg, spec.ResistanceFactor, spec.PowertrainEfficiency)).ToArray();
        var noWeight = rangesKm.Select(r => r * ph.Consumption(0, kgPerKwh, spec.MassExclBatteryKg, spec.ResistanceFactor, spec.PowertrainEfficiency) / ph.UsableShare).ToArray();
        return Figures.Lines($"{Label(type)}: battery capacity vs electric range ({year} batteries)", rangesKm,
            [new Series("with battery weight (eqs 7–8)", withWeight), new Series("without weight feedback", noWeight)])
            .WithAxisTitles("Electric range (km)", "Battery capacity (kWh)");
    }

    /// <summary>BEV battery capacity per vehicle type in one year for two scenarios, and their ratio (eqs 7–8).</summary>
    public static Table Capacities(VehicleLithiumInputs inputs, Scenario first, Scenario second, int year)
    {
        var a = FleetModel.Capacities(inputs, first);
        var b = FleetModel.Capacities(inputs, second);
        var i = year - inputs.FirstYear;
        if (i < 0 || year > inputs.LastYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"year must be within {inputs.FirstYear}–{inputs.LastYear}");
        var columns = new List<TableColumn>
        {
            new("Vehicle type", typeof(string)), new($"{first.Name} capacity (kWh)", typeof(double), "N0"),
            new($"{second.Name} capacity (kWh)", typeof(double), "N0"), new($"{second.Name} / {first.Name}", typeof(double), "0.000"),
        };
        var rows = VehicleTypes.All.Select(t => (IReadOnlyList<object?>)new object?[]
        {
            Label(t), a[(t, Powertrain.Bev)][i], b[(t, Powertrain.Bev)][i], b[(t, Powertrain.Bev)][i] / a[(t, Powertrain.Bev)][i],
        }).ToList();
        return Table.Create(columns, rows, $"BEV battery capacity of {year} vehicles");
    }

    /// <summary>Every fitted target: published, model with central values, model after the fit, error, goal.</summary>
    public static Table Targets(CalibrationResult calibration) => Table.From(calibration.Fits.Zip(calibration.CentralFits).Select(z => new
        {
            Quantity = z.First.Target.Name, Published = z.First.Target.ValueMt, Central = z.Second.Model, Fitted = z.First.Model,
            Error = z.First.ErrorPercent, Residual = z.First.Residual, Within = z.First.WithinGoal ? "✓" : "✗",
        }), $"Published ({Citation}) vs model fitted on {calibration.FitOn} (mt Li)")
        .WithFormat("N2", "Published", "Central", "Fitted").WithFormat("0.0", "Error").WithFormat("0.00", "Residual")
        .Rename("Published", "Published (mt)").Rename("Central", "Central values (mt)").Rename("Fitted", "Fitted (mt)")
        .Rename("Error", "Error (%)").Rename("Residual", "Residual (goals)").Rename("Within", "Within goal");

    /// <summary>The calibrated parameters: central value, sourced range, fitted value and its move.</summary>
    public static Table Parameters(CalibrationResult calibration) => Table.From(calibration.Parameters.Select(p => new
        {
            Parameter = Label(p.Bounds.Name), Name = p.Bounds.Name, p.Bounds.Unit, p.Bounds.Central, p.Bounds.Lower, p.Bounds.Upper, p.Fitted, Move = p.MovePercent,
            AtBound = p.AtBound ? "at bound" : "", p.Bounds.Source,
        }), $"Calibrated parameters (fitted on {calibration.FitOn})")
        .WithFormat("0.####", "Central", "Lower", "Upper", "Fitted").WithFormat("0", "Move")
        .Rename("Central", "Central value").Rename("Lower", "Range low").Rename("Upper", "Range high").Rename("Fitted", "Fitted value")
        .Rename("Move", "Move (% of half range)").Rename("AtBound", "Note").Rename("Name", "Name (for --set)");

    /// <summary>Correlation of the fitted parameters (from the Jacobian at the optimum).</summary>
    public static Table Correlation(CalibrationResult calibration)
    {
        var n = calibration.FreeNames.Count;
        var columns = new List<TableColumn> { new("Parameter", typeof(string)) };
        columns.AddRange(calibration.FreeNames.Select(name => new TableColumn(Label(name), typeof(double), "0.00")));
        var rows = Enumerable.Range(0, n).Select(i => (IReadOnlyList<object?>)new object?[] { Label(calibration.FreeNames[i]) }
            .Concat(Enumerable.Range(0, n).Select(j => (object?)(Math.Abs(calibration.Correlation[i, j]) < 0.005 ? 0.0 : calibration.Correlation[i, j]))).ToArray());
        return Table.Create(columns, rows, $"Correlation of the fitted parameters (fitted on {calibration.FitOn})");
    }

    /// <summary>In-sample and out-of-sample errors side by side: one row per target, one error column per split.</summary>
    public static Table Validation(IReadOnlyList<ValidationSplit> splits)
    {
        var targets = splits[0].All.Select(f => f.Target).ToList();
        var columns = new List<TableColumn> { new("Quantity", typeof(string)), new("Published (mt)", typeof(double), "N2") };
        foreach (var s in splits) columns.Add(new TableColumn($"Fit on {s.Name}: error (%)", typeof(string)));
        string Cell(ValidationSplit s, Target t)
        {
            var f = s.All.First(x => x.Target == t);
            var e = f.ErrorPercent is { } v ? v.ToString("+0.0;−0.0;0.0", Inv) : f.Model.ToString("0.000", Inv) + " mt";
            return $"{e} {(s.InSample(t) ? "in" : "out")}";
        }
        var rows = targets.Select(t => (IReadOnlyList<object?>)new object?[] { t.Name, t.ValueMt }.Concat(splits.Select(s => (object?)Cell(s, t))).ToArray()).ToList();
        foreach (var inSample in new[] { true, false })
        {
            var label = inSample ? "RMS error, in sample" : "RMS error, out of sample";
            rows.Add(new object?[] { label, null }.Concat(splits.Select(s => (object?)(double.IsNaN(s.RmsErrorPercent(inSample)) ? "–" : s.RmsErrorPercent(inSample).ToString("0.0", Inv)))).ToArray());
        }
        return Table.Create(columns, rows, "Hold-out validation: error of each target when fitted (in) or predicted (out)");
    }

    /// <summary>The annual series of a run, every <paramref name="step"/> years.</summary>
    public static IReadOnlyList<AnnualRow> Annual(FleetResult r, int step = 1) => r.Years.Where(y => (y - r.Years[0]) % step == 0 || y == r.Years[^1]).Select(y => new AnnualRow(y,
        r.Flow(Flow.VehicleManufacturing, y, Segment.LDV), r.Flow(Flow.BatteryReplacement, y, Segment.LDV),
        r.Flow(Flow.VehicleManufacturing, y, Segment.HDV), r.Flow(Flow.BatteryReplacement, y, Segment.HDV),
        r.Gross(y), r.Flow(Flow.VehicleScrappage, y), r.Outflow(y), r.Recycled(y), r.Net(y), r.Stock(y))).ToList();

    /// <summary>The annual series as a table with word headers and units.</summary>
    public static Table AnnualTable(FleetResult r, int step, string title) => Table.From(Annual(r, step), title)
        .WithNumberFormat("0.000").WithFormat("0", "Year")
        .Rename("LdvManufacturing", "LDV VM (mt)").Rename("LdvReplacement", "LDV BR (mt)").Rename("HdvManufacturing", "HDV VM (mt)")
        .Rename("HdvReplacement", "HDV BR (mt)").Rename("Gross", "Gross demand (mt)").Rename("Scrappage", "Scrappage (mt)")
        .Rename("Outflow", "Outflow (mt)").Rename("Recycled", "Recycled (mt)").Rename("Net", "Net demand (mt)").Rename("Stock", "Stock (mt)");

    /// <summary>Accumulated totals of a run.</summary>
    public static TotalsRow Totals(FleetResult r)
    {
        var net = r.Accumulated(y => r.Net(y));
        return new TotalsRow(r.Scenario.Name, r.Accumulated(y => r.Gross(y)), r.Accumulated(y => r.Flow(Flow.VehicleManufacturing, y, Segment.HDV)),
            r.Accumulated(y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)), r.Accumulated(y => r.Recycled(y)), net,
            net / r.Inputs.ProductionChainEfficiency, net / r.Inputs.ReservesMt);
    }

    /// <summary>The accumulated totals as a table with word headers and units.</summary>
    public static Table TotalsTable(IEnumerable<FleetResult> runs, string title) => Table.From(runs.Select(Totals), title)
        .WithNumberFormat("N1").WithFormat("0.00", "NetOverReserves")
        .Rename("Gross", "Gross demand (mt)").Rename("HdvManufacturing", "HDV VM (mt)").Rename("HdvReplacement", "HDV BR (mt)")
        .Rename("Recycled", "Recycled (mt)").Rename("Net", "Net demand (mt)").Rename("MineProduction", "Mine production (mt)")
        .Rename("NetOverReserves", "Net / reserves (×)");

    /// <summary>The paper's figure that shows a scenario's annual flows: Fig 1 for D2, Supplementary Figs 1–3 for D1, D3, D4.</summary>
    public static string PaperFigure(string scenario) => scenario switch
    {
        "D2" => "Fig 1",
        "D1" => "Supplementary Fig 1",
        "D3" => "Supplementary Fig 2",
        "D4" => "Supplementary Fig 3",
        _ => "no figure in the paper (own scenario)",
    };

    /// <summary>
    /// Fig 1 (D2) or Supplementary Figs 1–3 (D1, D3, D4) as one figure of three panels: annual inflow (a), outflow (b)
    /// and stock (c) by segment and flow type, stacked. A battery-replacement flow has the same name and colour as an
    /// inflow and an outflow, because every replaced battery enters and leaves the fleet in the same year.
    /// </summary>
    public static Figure Figure1(FleetResult r)
    {
        var x = r.Years.Select(y => (double)y).ToArray();
        Series S(string name, Func<int, double> f) => new(name, r.Years.Select(f).ToArray());
        var inflow = Figures.StackedArea("(a) Inflow (gross demand)", x,
        [
            S("LDV VM", y => r.Flow(Flow.VehicleManufacturing, y, Segment.LDV)), S("LDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.LDV)),
            S("HDV VM", y => r.Flow(Flow.VehicleManufacturing, y, Segment.HDV)), S("HDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)),
        ], xTitle: "Year", yTitle: "Lithium inflow (mt/yr)");
        var outflow = Figures.StackedArea("(b) Outflow", x,
        [
            S("LDV VS", y => r.Flow(Flow.VehicleScrappage, y, Segment.LDV)), S("LDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.LDV)),
            S("HDV VS", y => r.Flow(Flow.VehicleScrappage, y, Segment.HDV)), S("HDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)),
        ], xTitle: "Year", yTitle: "Lithium outflow (mt/yr)");
        var stock = Figures.StackedArea("(c) Stock in the fleet", x,
            [S("LDV stock", y => r.Stock(y, Segment.LDV)), S("HDV stock", y => r.Stock(y, Segment.HDV))], xTitle: "Year", yTitle: "Lithium stock (mt)");
        var fig = Figures.Panels($"{r.Scenario.Name}: annual lithium inflow, outflow and stock, {r.Years[0]}–{r.Years[^1]}", [inflow, outflow, stock], columns: 3, heightPerRow: 360)
            .WithCaption($"{Citation}, {PaperFigure(r.Scenario.Name)}a–c");
        // Room for the panel titles below the caption (the house margin fits a title and caption only).
        fig.SetLayout("margin", new JsonObject { ["l"] = 10, ["r"] = 10, ["b"] = 10, ["t"] = 105 });
        // Each panel stacks its own series only.
        foreach (var t in fig.Data.OfType<JsonObject>()) t["stackgroup"] = t["xaxis"]?.ToString();
        return fig;
    }

    /// <summary>
    /// Fig 2: per scenario, accumulated gross demand by source (left bar) and recycled lithium by source (right bar);
    /// net demand as a circle whose area is proportional to it, above the bars with its value inside; reserves and
    /// identified resources as circles of the same scale for comparison.
    /// </summary>
    public static Figure Figure2(IReadOnlyList<FleetResult> runs)
    {
        var names = runs.Select(r => r.Scenario.Name).ToArray();
        double Acc(FleetResult r, Func<int, double> f) => r.Accumulated(f);
        var fig = new Figure($"Accumulated lithium {runs[0].Years[0]}–{runs[0].Years[^1]}: gross demand, recycled and net demand").WithCaption($"{Citation}, Fig 2");
        void Bar(string name, string group, string color, Func<FleetResult, double> value) => fig.AddTrace(new JsonObject
        {
            ["type"] = "bar", ["name"] = name, ["x"] = Figures.Arr(names), ["y"] = Figures.Arr(runs.Select(value)), ["offsetgroup"] = group,
            ["legendgroup"] = group, ["marker"] = new JsonObject { ["color"] = color },
        });
        Bar("Gross: LDV VM", "gross", "#1f77b4", r => Acc(r, y => r.Flow(Flow.VehicleManufacturing, y, Segment.LDV)));
        Bar("Gross: LDV BR", "gross", "#aec7e8", r => Acc(r, y => r.Flow(Flow.BatteryReplacement, y, Segment.LDV)));
        Bar("Gross: HDV VM", "gross", "#ff7f0e", r => Acc(r, y => r.Flow(Flow.VehicleManufacturing, y, Segment.HDV)));
        Bar("Gross: HDV BR", "gross", "#ffbb78", r => Acc(r, y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)));
        Bar("Recycled: VS", "recycled", "#2ca02c", r => Acc(r, y => FleetModel.Recycled(r.Flow(Flow.VehicleScrappage, y), 0, r.Parameters.RecyclingRate)));
        Bar("Recycled: BR", "recycled", "#98df8a", r => Acc(r, y => FleetModel.Recycled(0, r.Flow(Flow.BatteryReplacement, y), r.Parameters.RecyclingRate)));
        fig.SetLayout("barmode", "stack");
        var inputs = runs[0].Inputs;
        var net = runs.Select(r => r.Accumulated(y => r.Net(y))).ToArray();
        var gross = runs.Select(r => r.Accumulated(y => r.Gross(y))).ToArray();
        var top = gross.Max();
        // Circle area ∝ value: marker diameter ∝ √value, the largest circle (identified resources) 90 px across.
        var maxValue = Math.Max(inputs.ResourcesMt, net.Max());
        double Size(double v) => 90 * Math.Sqrt(v / maxValue);
        var circleY = top * 1.35;
        fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers+text", ["name"] = "Net demand (circle area)", ["x"] = Figures.Arr(names),
            ["y"] = Figures.Arr(names.Select(_ => circleY)), ["text"] = Figures.Arr(net.Select(v => v.ToString("0.0", Inv))),
            ["textposition"] = "middle center", ["textfont"] = new JsonObject { ["color"] = "white" },
            ["marker"] = new JsonObject { ["size"] = Figures.Arr(net.Select(Size)), ["color"] = "#d62728", ["sizemode"] = "diameter" },
            ["hovertemplate"] = "%{x}: net demand %{text} mt<extra></extra>",
        });
        var benchmarks = new[] { ("Reserves", inputs.ReservesMt), ("Identified resources", inputs.ResourcesMt) };
        fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers+text", ["name"] = "Reserves, resources (circle area)",
            ["x"] = Figures.Arr(benchmarks.Select(b => b.Item1)), ["y"] = Figures.Arr(benchmarks.Select(_ => circleY)),
            ["text"] = Figures.Arr(benchmarks.Select(b => b.Item2.ToString("0", Inv))), ["textposition"] = "middle center",
            ["marker"] = new JsonObject { ["size"] = Figures.Arr(benchmarks.Select(b => Size(b.Item2))), ["color"] = "#2ca02c", ["opacity"] = 0.6, ["sizemode"] = "diameter" },
            ["hovertemplate"] = "%{x}: %{text} mt<extra></extra>",
        });
        fig.SetLayout("yaxis", new JsonObject { ["title"] = new JsonObject { ["text"] = "Accumulated lithium 2000–2100 (mt)" }, ["range"] = Figures.Arr([0, top * 1.6]) });
        fig.SetLayout("xaxis", new JsonObject { ["title"] = new JsonObject { ["text"] = "Scenario (bars: left gross demand, right recycled)" } });
        return fig;
    }
}
