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
        var e = Broken("sales.csv", s => s.Replace("Bus,2050,0.6", "Bus,2050,-0.6"));
        Assert.Equal("sales_million", e.Column);
        Assert.Contains("sales.csv", e.Message);
        Assert.Contains("-0.6", e.Message);
    }

    [Fact]
    public void A_missing_year_is_named()
    {
        var e = Broken("sales.csv", s => s.Replace("Bus,2100,0.8\n", ""));
        Assert.Equal("year", e.Column);
        Assert.Contains("Bus", e.Message);
        Assert.Contains("missing year 2100", e.Message);
    }

    [Fact]
    public void A_target_period_that_is_neither_one_year_nor_the_whole_model_period_is_rejected()
    {
        var e = Broken("published_targets.csv", s => s.Replace("D1,recycled,all,all,2000,2100,", "D1,recycled,all,all,2010,2100,"));
        Assert.Equal("to_year", e.Column);
        Assert.Equal(3, e.Line);
        Assert.Contains("2000-2100", e.Message);
    }

    [Fact]
    public void A_scenario_without_a_share_row_is_named()
    {
        var e = Broken("plugin_shares.csv", s => s.Replace("D4,HDV,2010,2018,0.02,1.0,2060,,1.0\n", ""));
        Assert.Contains("D4 has no HDV row", e.Message);
    }

    [Fact]
    public void Bad_cells_elsewhere_are_named()
    {
        Assert.Equal("vehicle_type", Broken("vehicle_types.csv", s => s.Replace("HeavyTruck,HDV", "Tractor,HDV")).Column);
        Assert.Equal("segment", Broken("vehicle_types.csv", s => s.Replace("Bus,HDV", "Bus,LDV")).Column);
        Assert.Equal("observed_share", Broken("plugin_shares.csv", s => s.Replace("D3,LDV,2010,2018,0.022", "D3,LDV,2010,2018,0")).Column);
        Assert.Equal("parameter", Broken("parameters.csv", s => s.Replace("alpha,", "alfa,")).Column);
        Assert.Equal("prior", Broken("calibration.csv", s => s.Replace("recycling_rate,0.8,0.3,1.0", "recycling_rate,0.8,0.3,0.5")).Column);
    }

    [Fact]
    public void Bad_parameters_and_unknown_scenarios_name_the_range()
    {
        var inputs = FleetModelTests.Inputs;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FleetModel.Run(inputs, inputs.Scenario("D2"), inputs.Priors with { RecyclingRate = 1.5 }));
        Assert.Contains("recycling_rate", e.Message);
        Assert.Contains("[0, 1]", e.Message);
        var u = Assert.Throws<ArgumentException>(() => inputs.Scenario("D9"));
        Assert.Contains("D1, D2, D3, D4", u.Message);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => FleetModel.Run(inputs, inputs.Scenario("D2") with { HdvRangeKm = -5 }));
        Assert.Contains("range", r.Message);
    }
}
