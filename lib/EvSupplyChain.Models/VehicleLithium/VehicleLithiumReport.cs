using System.Text.Json.Nodes;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>A row of the assumptions table.</summary>
/// <param name="Input">What the value is.</param>
/// <param name="Value">The value(s).</param>
/// <param name="Source">Where it comes from (see data/README.md).</param>
public sealed record AssumptionRow(string Input, string Value, string Source);

/// <summary>A row of the target-vs-model table.</summary>
/// <param name="Scenario">D1–D4.</param>
/// <param name="Quantity">What is compared.</param>
/// <param name="Period">Year or 2000-2100.</param>
/// <param name="PublishedMt">Hao et al. (2019), mt Li.</param>
/// <param name="PriorMt">Model with the prior parameters.</param>
/// <param name="ModelMt">Model after calibration.</param>
/// <param name="ErrorPercent">(model / published − 1) × 100; empty for a published zero.</param>
/// <param name="GoalPercent">The goal: ±5 % accumulated, ±10 % annual.</param>
public sealed record TargetRow(string Scenario, string Quantity, string Period, double PublishedMt, double PriorMt, double ModelMt, double? ErrorPercent, double GoalPercent);

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
    /// <summary>The model inputs in one table.</summary>
    public static Table Assumptions(VehicleLithiumInputs inputs, ModelParameters? parameters = null)
    {
        var p = parameters ?? inputs.Priors;
        string PerType(Func<VehicleTypeSpec, double> f, string format) => string.Join(" / ", inputs.Types.Select(t => f(t).ToString(format, System.Globalization.CultureInfo.InvariantCulture)));
        var rows = new List<AssumptionRow>
        {
            new("Vehicle types", string.Join(" / ", inputs.Types.Select(t => t.Type)), "Hao et al. (2019) Methods"),
            new("Mass without battery (kg)", PerType(t => t.MassExclBatteryKg, "N0"), "assumption: curb weight + average load"),
            new("Resistance factor RF", PerType(t => t.ResistanceFactor, "0.00"), "assumption, car = 1"),
            new("Powertrain efficiency PE", PerType(t => t.PowertrainEfficiency, "0.00"), "assumption"),
            new("Annual mileage (km)", PerType(t => t.AnnualMileageKm, "N0"), "assumption"),
            new("Lifetime mileage LS (km)", PerType(t => t.LifetimeMileageKm, "N0"), "assumption; heavy truck 1.2 Mkm from the paper"),
            new("Mean life (years), Weibull", PerType(t => t.MeanLifeYears, "0") + $", shape {PerType(t => t.WeibullShape, "0.0")}", "assumption"),
            new("α, β, γ of eqs (7)–(8)", $"{inputs.Physics.Alpha}, {inputs.Physics.Beta}, {inputs.Physics.UsableShare}", "assumption"),
            new("Pack specific energy (Wh/kg)", string.Join(", ", inputs.PackWhPerKg.Anchors.Select(a => $"{a.Year}: {a.Value}")), "assumption"),
            new("LDV BEV range (km)", string.Join(", ", inputs.LdvBevRangeKm.Anchors.Select(a => $"{a.Year}: {a.Value}")), "assumption"),
            new("HDV BEV range (km)", string.Join(" / ", inputs.Scenarios.Select(s => $"{s.Name}: {s.HdvRangeKm}")), "Hao et al. (2019): 500 or 300"),
            new("Cycle life", string.Join(" / ", inputs.Scenarios.Select(s => $"{s.Name}: {s.CycleLifeInitial}→{s.CycleLifeImproved}")), "Hao et al. (2019): 1000; 2000 by 2030"),
            new("Production-chain efficiency", inputs.ProductionChainEfficiency.ToString(System.Globalization.CultureInfo.InvariantCulture), "Hao et al. (2019)"),
        };
        foreach (var (name, value) in ModelParameters.Names.Zip(p.ToArray()))
            rows.Add(new(name, value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), "calibrated (prior in calibration.csv)"));
        return Table.From(rows, "Model inputs");
    }

    /// <summary>Battery capacity against electric range for one type: solved eqs (7)–(8) vs the same range without the weight feedback.</summary>
    public static Figure CapacityVsRange(VehicleLithiumInputs inputs, VehicleType type, int year, IReadOnlyList<double> rangesKm)
    {
        var spec = inputs.Spec(type);
        var kgPerKwh = 1000 / inputs.PackWhPerKg.At(year);
        var ph = inputs.Physics;
        var withWeight = rangesKm.Select(r => ph.Capacity(r, kgPerKwh, spec.MassExclBatteryKg, spec.ResistanceFactor, spec.PowertrainEfficiency)).ToArray();
        var noWeight = rangesKm.Select(r => r * ph.Consumption(0, kgPerKwh, spec.MassExclBatteryKg, spec.ResistanceFactor, spec.PowertrainEfficiency) / ph.UsableShare).ToArray();
        return Figures.Lines($"{type} battery capacity vs electric range ({year} batteries)", rangesKm,
            [new Series("with battery weight (eqs 7–8)", withWeight), new Series("without weight feedback", noWeight)])
            .WithAxisTitles("electric range (km)", "battery capacity (kWh)");
    }

    /// <summary>Every target: published, prior, calibrated model, error.</summary>
    public static Table Targets(CalibrationResult calibration) => Table.From(calibration.Fits.Zip(calibration.PriorFits).Select(z => new TargetRow(
            z.First.Target.Scenario,
            $"{z.First.Target.Quantity.Replace('_', ' ')} {z.First.Target.Segment}{(z.First.Target.SourceOfFlow == "all" ? "" : " " + z.First.Target.SourceOfFlow.Replace('_', ' '))}",
            z.First.Target.YearOrPeriod, z.First.Target.ValueMt, z.Second.Model, z.First.Model, z.First.ErrorPercent, z.First.Tolerance * 100)),
            "Published (Hao et al. 2019) vs model, mt Li")
        .WithFormat("N2", "PublishedMt", "PriorMt", "ModelMt").WithFormat("0.0", "ErrorPercent", "GoalPercent");

    /// <summary>The calibrated parameters next to their priors and bounds.</summary>
    public static Table Parameters(VehicleLithiumInputs inputs, CalibrationResult calibration) => Table.From(
        inputs.Calibration.Select(b => new { Parameter = b.Name, b.Unit, b.Prior, b.Lower, b.Upper, Fitted = calibration.Fitted.ToArray()[ModelParameters.Names.ToList().IndexOf(b.Name)] }),
        "Calibrated parameters").WithFormat("0.####", "Prior", "Lower", "Upper", "Fitted");

    /// <summary>The annual series of a run, every <paramref name="step"/> years.</summary>
    public static IReadOnlyList<AnnualRow> Annual(FleetResult r, int step = 1) => r.Years.Where(y => (y - r.Years[0]) % step == 0 || y == r.Years[^1]).Select(y => new AnnualRow(y,
        r.Flow(Flow.VehicleManufacturing, y, Segment.LDV), r.Flow(Flow.BatteryReplacement, y, Segment.LDV),
        r.Flow(Flow.VehicleManufacturing, y, Segment.HDV), r.Flow(Flow.BatteryReplacement, y, Segment.HDV),
        r.Gross(y), r.Flow(Flow.VehicleScrappage, y), r.Outflow(y), r.Recycled(y), r.Net(y), r.Stock(y))).ToList();

    /// <summary>Accumulated totals of a run.</summary>
    public static TotalsRow Totals(FleetResult r)
    {
        var net = r.Accumulated(y => r.Net(y));
        return new TotalsRow(r.Scenario.Name, r.Accumulated(y => r.Gross(y)), r.Accumulated(y => r.Flow(Flow.VehicleManufacturing, y, Segment.HDV)),
            r.Accumulated(y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)), r.Accumulated(y => r.Recycled(y)), net,
            net / r.Inputs.ProductionChainEfficiency, net / r.Inputs.ReservesMt);
    }

    /// <summary>Fig. 1: annual inflow (a), outflow (b) and stock (c) by segment and flow type.</summary>
    public static IReadOnlyList<Figure> Figure1(FleetResult r)
    {
        var x = r.Years.Select(y => (double)y).ToArray();
        Series S(string name, Func<int, double> f) => new(name, r.Years.Select(f).ToArray());
        var inflow = Figures.StackedArea($"(a) Lithium inflow, {r.Scenario.Name} (mt/yr)", x,
        [
            S("LDV VM", y => r.Flow(Flow.VehicleManufacturing, y, Segment.LDV)), S("LDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.LDV)),
            S("HDV VM", y => r.Flow(Flow.VehicleManufacturing, y, Segment.HDV)), S("HDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)),
        ]).WithAxisTitles("year", "mt Li per year");
        var outflow = Figures.StackedArea($"(b) Lithium outflow, {r.Scenario.Name} (mt/yr)", x,
        [
            S("LDV VS", y => r.Flow(Flow.VehicleScrappage, y, Segment.LDV)), S("LDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.LDV)),
            S("HDV VS", y => r.Flow(Flow.VehicleScrappage, y, Segment.HDV)), S("HDV BR", y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)),
        ]).WithAxisTitles("year", "mt Li per year");
        var stock = Figures.StackedArea($"(c) Lithium stock in the fleet, {r.Scenario.Name} (mt)", x,
            [S("LDV", y => r.Stock(y, Segment.LDV)), S("HDV", y => r.Stock(y, Segment.HDV))]).WithAxisTitles("year", "mt Li");
        return [inflow, outflow, stock];
    }

    /// <summary>Fig. 2: accumulated gross demand by source and recycled lithium per scenario, net demand as markers,
    /// reserves and resources as lines.</summary>
    public static Figure Figure2(IReadOnlyList<FleetResult> runs)
    {
        var names = runs.Select(r => r.Scenario.Name).ToArray();
        double Acc(FleetResult r, Flow f, Segment s) => r.Accumulated(y => r.Flow(f, y, s));
        var fig = Figures.StackedBars("Accumulated lithium 2000–2100 by scenario (mt)", names,
        [
            new Series("Gross: LDV VM", runs.Select(r => Acc(r, Flow.VehicleManufacturing, Segment.LDV)).ToArray()),
            new Series("Gross: LDV BR", runs.Select(r => Acc(r, Flow.BatteryReplacement, Segment.LDV)).ToArray()),
            new Series("Gross: HDV VM", runs.Select(r => Acc(r, Flow.VehicleManufacturing, Segment.HDV)).ToArray()),
            new Series("Gross: HDV BR", runs.Select(r => Acc(r, Flow.BatteryReplacement, Segment.HDV)).ToArray()),
        ]);
        foreach (var t in fig.Data) t!["offsetgroup"] = "gross";
        fig.AddTrace(new JsonObject
        {
            ["type"] = "bar", ["name"] = "Recycled", ["x"] = Figures.Arr(names), ["offsetgroup"] = "recycled",
            ["y"] = Figures.Arr(runs.Select(r => r.Accumulated(y => r.Recycled(y)))),
        });
        fig.WithMarkers("Net demand", names, runs.Select(r => r.Accumulated(y => r.Net(y))).ToArray(), "circle");
        var inputs = runs[0].Inputs;
        fig.SetLayout("shapes", new JsonArray(Line(inputs.ReservesMt, "green"), Line(inputs.ResourcesMt, "darkgreen")));
        fig.SetLayout("annotations", new JsonArray(Note(inputs.ReservesMt, "reserves"), Note(inputs.ResourcesMt, "identified resources")));
        return fig.WithAxisTitles("scenario", "mt Li");

        static JsonObject Line(double y, string color) => new()
        {
            ["type"] = "line", ["xref"] = "paper", ["x0"] = 0, ["x1"] = 1, ["y0"] = y, ["y1"] = y,
            ["line"] = new JsonObject { ["color"] = color, ["dash"] = "dot" },
        };
        static JsonObject Note(double y, string text) => new()
        {
            ["xref"] = "paper", ["x"] = 1, ["xanchor"] = "right", ["y"] = y, ["yanchor"] = "bottom", ["showarrow"] = false,
            ["text"] = $"{text} {y} mt",
        };
    }
}
