using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;
using EvSupplyChain.Models.VehicleLithium;

namespace EvSupplyChain.Tests.VehicleLithium;

/// <summary>Runs the calibration on every validation split once for all tests in the class.</summary>
public sealed class CalibrationFixture
{
    /// <summary>Fits on every target, on D1–D3 accumulated totals and on D2 only.</summary>
    public IReadOnlyList<ValidationSplit> Splits { get; } = Validation.Run(FleetModelTests.Inputs);

    /// <summary>The fit on every target.</summary>
    public CalibrationResult All => Splits[0].Calibration;
}

/// <summary>
/// The penalised calibration: parameters stay inside their sourced ranges, the fit is pinned to a stored result so a
/// silent change shows, and the hold-out splits predict what they did not see. No fit-quality ratchet: the misses are
/// reported, not hidden.
/// </summary>
public class CalibrationTests(CalibrationFixture fixture) : IClassFixture<CalibrationFixture>
{
    [Fact]
    public void Every_fitted_parameter_stays_inside_the_range_its_source_gives_in_every_split()
    {
        // The fit maps into its bounds by construction, so the check that can fail is that those bounds are the sourced
        // low-high range of data/vehicle-lithium/parameters.csv, read here independently of the model's loader.
        var sourced = CsvData.Load(Path.Combine(TestPaths.Data, "vehicle-lithium", "parameters.csv"), "parameter", "low", "high").Rows
            .ToDictionary(r => r.Text("parameter"), r => (Low: r.Double("low"), High: r.Double("high")));
        foreach (var split in fixture.Splits)
            foreach (var p in split.Calibration.Parameters)
            {
                Assert.True(sourced.TryGetValue(p.Bounds.Name, out var range), $"{p.Bounds.Name} has no sourced range in parameters.csv");
                Assert.Equal(range.Low, p.Bounds.Lower);
                Assert.Equal(range.High, p.Bounds.Upper);
                Assert.InRange(p.Fitted, range.Low, range.High);
            }
    }

    [Fact]
    public void Fitted_parameters_match_the_stored_result()
    {
        // A silent change of the model, the data or the fit moves these; regenerate the file only for a change you meant.
        var stored = CsvData.Load(TestPaths.TestData("VehicleLithium", "fitted_parameters.csv"), "fit_on", "parameter", "value").Rows
            .ToDictionary(r => (r.Text("fit_on"), r.Text("parameter")), r => r.Double("value"));
        Assert.Equal(fixture.Splits.Count * ModelParameters.Names.Count, stored.Count);
        foreach (var split in fixture.Splits)
            foreach (var p in split.Calibration.Parameters)
                Assert.True(Math.Abs(stored[(split.FitOn, p.Bounds.Name)] - p.Fitted) <= 1e-5 * (p.Bounds.Upper - p.Bounds.Lower),
                    $"{split.FitOn} {p.Bounds.Name}: fitted {p.Fitted.ToString("R", CultureInfo.InvariantCulture)}, stored {stored[(split.FitOn, p.Bounds.Name)]}");
    }

    [Fact]
    public void The_objective_is_targets_plus_prior_penalties_and_beats_the_central_values()
    {
        var fit = fixture.All;
        Assert.Equal(28, fit.Fits.Count);
        Assert.Equal(fit.Fits.Sum(f => f.Residual * f.Residual), fit.TargetObjective, 12);
        foreach (var p in fit.Parameters)
            Assert.Equal(p.Bounds.IsFree ? (p.Fitted - p.Bounds.Central) / ((p.Bounds.Upper - p.Bounds.Lower) / 4) : 0, p.Penalty, 12);
        Assert.True(fit.Objective < fit.CentralFits.Sum(f => f.Residual * f.Residual));
    }

    [Fact]
    public void Residuals_are_relative_errors_over_the_goal_and_absolute_for_the_published_zero()
    {
        var t = new Target("D2", "stock", "all", "all", "2100", 27.5, "") { Tolerance = 0.05 };
        Assert.Equal(2, new TargetFit(t, 27.5 * 1.1).Residual, 12);
        Assert.Equal(10, new TargetFit(t, 27.5 * 1.1).ErrorPercent!.Value, 9);
        var zero = new Target("D2", "gross_demand", "LDV", "battery_replacement", "2100", 0, "") { Tolerance = 0.005, ToleranceIsAbsolute = true };
        Assert.Equal(-2, new TargetFit(zero, -0.01).Residual, 12);
        Assert.Null(new TargetFit(zero, 0.01).ErrorPercent);
    }

    [Fact]
    public void Correlation_matrix_is_symmetric_with_a_unit_diagonal()
    {
        var c = fixture.All.Correlation;
        var n = fixture.All.FreeNames.Count;
        Assert.Equal(8, n);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(1, c[i, i], 9);
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(c[i, j], c[j, i], 9);
                Assert.InRange(c[i, j], -1 - 1e-9, 1 + 1e-9);
            }
        }
    }

    [Fact]
    public void Target_selection_reads_scenarios_and_kinds()
    {
        var targets = FleetModelTests.Inputs.Targets;
        Assert.Equal(28, Calibration.Select(targets, "all").Count);
        Assert.Equal(28, Calibration.Select(targets, "D1,D2,D3,D4").Count);
        Assert.Equal(17, Calibration.Select(targets, "D2").Count);
        Assert.Equal(14, Calibration.Select(targets, "D1,D2:accumulated,D3").Count);
        Assert.Equal(11, Calibration.Select(targets, "d2:annual").Count);
        Assert.Contains("D1, D2, D3, D4", Assert.Throws<ArgumentException>(() => Calibration.Select(targets, "D9")).Message);
        Assert.Contains("SCENARIO:accumulated", Assert.Throws<ArgumentException>(() => Calibration.Select(targets, "D2:yearly")).Message);
        Assert.Contains("selects no", Assert.Throws<ArgumentException>(() => Calibration.Select(targets, "D1:annual")).Message);
    }

    [Fact]
    public void Hold_out_splits_predict_the_targets_they_did_not_fit()
    {
        var heldOut = fixture.Splits[1];
        Assert.Equal("D1,D2:accumulated,D3", heldOut.FitOn);
        Assert.All(heldOut.All.Where(f => f.Target.Scenario == "D4" || !f.Target.IsAccumulated), f => Assert.False(heldOut.InSample(f.Target)));
        Assert.Equal(14, heldOut.Calibration.Fits.Count);
        var d2 = fixture.Splits[2];
        Assert.All(d2.All, f => Assert.Equal(f.Target.Scenario == "D2", d2.InSample(f.Target)));
        foreach (var s in fixture.Splits.Skip(1))
        {
            Assert.True(double.IsFinite(s.RmsErrorPercent(true)) && double.IsFinite(s.RmsErrorPercent(false)));
            Assert.Equal(28, s.All.Count);
        }
        var published = VehicleLithiumReport.Published(FleetModelTests.Inputs, heldOut.Calibration);
        Assert.Equal(28, published.Count);
        Assert.Contains(published, p => p.Quantity.StartsWith("D4") && p.Reason!.StartsWith("predicted out of sample"));
        var table = VehicleLithiumReport.Validation(fixture.Splits);
        Assert.Equal(28 + 2, table.RowCount);
        Assert.EndsWith("out", (string)table[15, "Fit on D1–D3 accumulated: error (%)"]!);
    }

    [Fact]
    public void Scenario_contrasts_come_from_range_and_cycle_life()
    {
        var fits = Calibration.Compare(FleetModelTests.Inputs, fixture.All.Fitted).ToDictionary(f => f.Target.Name, f => f.Model);
        // D3/D2 HDV manufacturing ≈ 300/500 (battery capacity about proportional to range).
        Assert.InRange(fits["D3 · gross demand · HDV · vehicle manufacturing · 2000–2100"] / fits["D2 · gross demand · HDV · vehicle manufacturing · 2000–2100"], 0.55, 0.62);
        Assert.True(fits["D3 · gross demand · HDV · battery replacement · 2000–2100"] > fits["D2 · gross demand · HDV · battery replacement · 2000–2100"]);
        Assert.True(fits["D4 · gross demand · HDV · battery replacement · 2000–2100"] < fits["D3 · gross demand · HDV · battery replacement · 2000–2100"] / 2);
    }

    [Fact]
    public void Targets_file_holds_the_published_values()
    {
        var expected = new Dictionary<string, double>
        {
            ["D1 · gross demand · all vehicles · all flows · 2000–2100"] = 52.6, ["D1 · recycled · all vehicles · all flows · 2000–2100"] = 26.5,
            ["D1 · net demand · all vehicles · all flows · 2000–2100"] = 26.1, ["D1 · mine production equivalent · all vehicles · all flows · 2000–2100"] = 29.0,
            ["D2 · gross demand · all vehicles · all flows · 2000–2100"] = 89.5, ["D2 · gross demand · HDV · all flows · 2000–2100"] = 36.9,
            ["D2 · gross demand · HDV · vehicle manufacturing · 2000–2100"] = 22.2, ["D2 · gross demand · HDV · battery replacement · 2000–2100"] = 14.8,
            ["D2 · recycled · all vehicles · all flows · 2000–2100"] = 49.6, ["D2 · net demand · all vehicles · all flows · 2000–2100"] = 39.9,
            ["D3 · gross demand · all vehicles · all flows · 2000–2100"] = 86.5, ["D3 · gross demand · HDV · vehicle manufacturing · 2000–2100"] = 13.3,
            ["D3 · gross demand · HDV · battery replacement · 2000–2100"] = 20.6, ["D3 · net demand · all vehicles · all flows · 2000–2100"] = 36.7,
            ["D4 · gross demand · all vehicles · all flows · 2000–2100"] = 71.8, ["D4 · gross demand · HDV · battery replacement · 2000–2100"] = 6.0,
            ["D4 · net demand · all vehicles · all flows · 2000–2100"] = 33.7, ["D2 · gross demand · all vehicles · all flows · 2050"] = 0.65,
            ["D2 · gross demand · all vehicles · all flows · 2100"] = 2.63, ["D2 · gross demand · LDV · vehicle manufacturing · 2100"] = 1.31,
            ["D2 · gross demand · LDV · battery replacement · 2100"] = 0.0, ["D2 · gross demand · HDV · vehicle manufacturing · 2100"] = 0.72,
            ["D2 · gross demand · HDV · battery replacement · 2100"] = 0.60, ["D2 · outflow · all vehicles · all flows · 2050"] = 0.30,
            ["D2 · outflow · all vehicles · all flows · 2100"] = 2.22, ["D2 · stock · all vehicles · all flows · 2100"] = 27.5,
            ["D2 · stock · LDV · all flows · 2100"] = 19.5, ["D2 · stock · HDV · all flows · 2100"] = 8.0,
        };
        var actual = FleetModelTests.Inputs.Targets.ToDictionary(t => t.Name, t => t.ValueMt);
        Assert.Equal(expected.OrderBy(k => k.Key), actual.OrderBy(k => k.Key));
        Assert.All(FleetModelTests.Inputs.Targets, t => Assert.Equal(t.IsAccumulated ? 0.05 : t.ValueMt == 0 ? 0.005 : 0.10, t.Tolerance));
        // The display kernel's loader reads the same file the same way (the notebook's comparison table).
        var csv = PublishedCsv.Load(Path.Combine(TestPaths.Data, "vehicle-lithium", "published_targets.csv"));
        Assert.Equal(actual.OrderBy(k => k.Key), csv.ToDictionary(e => e.Quantity, e => e.Value).OrderBy(k => k.Key));
        Assert.All(FleetModelTests.Inputs.Targets, t => Assert.Equal(t.ToleranceIsAbsolute ? ToleranceKind.Absolute : ToleranceKind.Relative, csv[t.Name].Kind));
        Assert.Equal(14, FleetModelTests.Inputs.ReservesMt);
        Assert.Equal(62, FleetModelTests.Inputs.ResourcesMt);
    }

    [Fact]
    public void Stated_inputs_of_the_paper_are_used_as_stated()
    {
        var inputs = FleetModelTests.Inputs;
        Assert.Equal(500, inputs.Scenario("D2").HdvRangeKm);
        Assert.Equal(300, inputs.Scenario("D3").HdvRangeKm);
        Assert.Equal(1000, inputs.Scenario("D3").CycleLife(2050));
        Assert.Equal(2000, inputs.Scenario("D4").CycleLife(2030));
        Assert.Equal(0.9, inputs.ProductionChainEfficiency);
        Assert.Equal(0.022, inputs.Scenario("D2").Ldv.ObservedShare);
        Assert.Equal(1_200_000, inputs.Spec(VehicleType.HeavyTruck).LifetimeMileageKm);
        Assert.All(inputs.Types.Where(t => t.Segment == Segment.HDV), t => Assert.Equal(0, t.PhevRangeKm));
        // No scale may flatten sales or inflate heavy-duty sales beyond the sourced range.
        Assert.True(inputs.Bounds("sales_growth_scale").Lower >= 0.5);
        Assert.True(inputs.Bounds("hdv_sales_scale").Upper <= 1.2);
    }
}
