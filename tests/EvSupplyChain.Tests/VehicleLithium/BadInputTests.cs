using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.VehicleLithium;

namespace EvSupplyChain.Tests.VehicleLithium;

/// <summary>Broken inputs fail with the file, line and column (or the parameter and its range), never a crash.</summary>
public class BadInputTests
{
    private static string CopyData()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-li-").FullName;
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Data, "vehicle-lithium")))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    private static DataValidationException Broken(string file, Func<string, string> edit)
    {
        var dir = CopyData();
        var path = Path.Combine(dir, file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return Assert.Throws<DataValidationException>(() => VehicleLithiumData.Load(dir));
    }

    [Fact]
    public void A_share_above_one_names_file_line_and_column()
    {
        var e = Broken("plugin_shares.csv", s => s.Replace("D2,LDV,2010,2018,0.022,1.0,", "D2,LDV,2010,2018,0.022,1.2,"));
        Assert.Equal("saturation_share", e.Column);
        Assert.Equal(4, e.Line);
        Assert.Contains("plugin_shares.csv", e.Message);
        Assert.Contains("[0, 1]", e.Message);
    }

    [Fact]
    public void Negative_sales_are_rejected()
    {
        var e = Broken("sales.csv", s => s.Replace("Bus,2050,0.55,", "Bus,2050,-0.55,"));
        Assert.Equal("sales_million", e.Column);
        Assert.Contains("sales.csv", e.Message);
        Assert.Contains("-0.55", e.Message);
    }

    [Fact]
    public void A_missing_year_is_named()
    {
        var e = Broken("sales.csv", s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("Bus,2100,"))));
        Assert.Equal("year", e.Column);
        Assert.Contains("Bus", e.Message);
        Assert.Contains("missing year 2100", e.Message);
    }

    [Fact]
    public void A_target_period_that_is_neither_one_year_nor_the_whole_model_period_is_rejected()
    {
        var e = Broken("published_targets.csv", s => s.Replace("D1 · recycled · all vehicles · all flows · 2000–2100", "D1 · recycled · all vehicles · all flows · 2010–2100"));
        Assert.Equal("quantity", e.Column);
        Assert.Equal(3, e.Line);
        Assert.Contains("2000–2100", e.Message);
    }

    [Fact]
    public void A_duplicate_published_target_is_an_error_naming_file_and_line()
    {
        // Line 30 repeats line 2 with another value: which one the model should meet is ambiguous.
        var e = Broken("published_targets.csv", s => s.TrimEnd('\n') + "\n" + s.Split('\n')[1].Replace(",52.6,", ",50.0,") + "\n");
        Assert.Contains("published_targets.csv", e.Message);
        Assert.Equal(30, e.Line);
        Assert.Contains("duplicate key", e.Message);
        Assert.Contains("first seen on line 2", e.Message);
    }

    [Fact]
    public void Bad_target_rows_are_named()
    {
        Assert.Contains("unknown measure 'demand'", Broken("published_targets.csv", s => s.Replace("D1 · gross demand · all", "D1 · demand · all")).Message);
        Assert.Contains("five parts", Broken("published_targets.csv", s => s.Replace("D1 · recycled · all vehicles · all flows", "D1 · recycled")).Message);
        Assert.Equal("tolerance_kind", Broken("published_targets.csv", s => s.Replace("0.0,mt Li,0.005,Absolute", "0.0,mt Li,0.005,Relative")).Column);
        Assert.Equal("unit", Broken("published_targets.csv", s => s.Replace("52.6,mt Li,", "52.6,kt Li,")).Column);
    }

    [Fact]
    public void Ranges_must_hold_their_central_value_and_scales_must_respect_per_type_ranges()
    {
        var e = Broken("parameters.csv", s => s.Replace("recycling_rate,0.80,0.78,0.82", "recycling_rate,0.80,0.82,0.9"));
        Assert.Equal("low", e.Column);
        Assert.Contains("parameters.csv", e.Message);
        Assert.Equal("high", Broken("vehicle_types.csv", s => s.Replace("HeavyTruck,annual_mileage_km,90000,60000,110000", "HeavyTruck,annual_mileage_km,90000,60000,80000")).Column);
        var scale = Broken("parameters.csv", s => s.Replace("life_scale,1.0,0.83,1.24", "life_scale,1.0,0.5,1.24"));
        Assert.Contains("outside its sourced range", scale.Message);
        Assert.Contains("mean_life_years", scale.Message);
        Assert.Equal("source", Broken("sales.csv", s => s.Replace("OICA sales 2018: passenger cars 68.7 M", "")).Column);
        Assert.Equal("calibrated", Broken("parameters.csv", s => s.Replace("alpha,0.00155,0.0012,0.0019,kWh/km per kg^beta,false", "alpha,0.00155,0.0012,0.0019,kWh/km per kg^beta,true")).Column);
    }

    [Fact]
    public void A_scenario_without_a_share_row_is_named()
    {
        var e = Broken("plugin_shares.csv", s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("D4,HDV,"))));
        Assert.Contains("D4 has no HDV row", e.Message);
    }

    [Fact]
    public void Bad_cells_elsewhere_are_named()
    {
        Assert.Equal("vehicle_type", Broken("vehicle_types.csv", s => s.Replace("HeavyTruck,mass", "Tractor,mass")).Column);
        Assert.Equal("property", Broken("vehicle_types.csv", s => s.Replace("Bus,weibull_shape", "Bus,shape")).Column);
        Assert.Equal("observed_share", Broken("plugin_shares.csv", s => s.Replace("D3,LDV,2010,2018,0.022", "D3,LDV,2010,2018,0")).Column);
        Assert.Equal("parameter", Broken("parameters.csv", s => s.Replace("alpha,", "alfa,")).Column);
        Assert.Equal("low", Broken("parameters.csv", s => s.Replace("recycling_rate,0.80,0.78,0.82", "recycling_rate,0.80,-0.1,0.82")).Column);
    }

    [Fact]
    public void Bad_parameters_and_unknown_scenarios_name_the_range()
    {
        var inputs = FleetModelTests.Inputs;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FleetModel.Run(inputs, inputs.Scenario("D2"), inputs.Central with { RecyclingRate = 1.5 }));
        Assert.Contains("recycling_rate", e.Message);
        Assert.Contains("[0, 1]", e.Message);
        var u = Assert.Throws<ArgumentException>(() => inputs.Scenario("D9"));
        Assert.Contains("D1, D2, D3, D4", u.Message);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => FleetModel.Run(inputs, inputs.Scenario("D2") with { HdvRangeKm = -5 }));
        Assert.Contains("range", r.Message);
    }
}
