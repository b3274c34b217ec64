using System.CommandLine;
using EvSupplyChain.Cli;

namespace EvSupplyChain.Tests.VehicleLithium;

/// <summary><c>evsc lithium</c>: tables as text or CSV, clear errors for bad options.</summary>
public class VehicleLithiumCommandTests
{
    private static (int Code, string Out, string Err) Evsc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run([.. args, "--data", TestPaths.Data], o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Prints_the_annual_series_totals_and_targets()
    {
        var (code, output, _) = Evsc("lithium", "--scenario", "D4", "--step", "10");
        Assert.Equal(0, code);
        Assert.Contains("D4 annual lithium (mt), central values", output);
        Assert.Contains("2100", output);
        Assert.Contains("D4 accumulated 2000–2100", output);
        Assert.Contains("D4 · gross demand · HDV · battery replacement · 2000–2100", output);
    }

    [Fact]
    public void Csv_output_has_full_rows_and_overrides_apply()
    {
        var (code, output, _) = Evsc("lithium", "--scenario", "D1", "--format", "csv", "--set", "recycling_rate=0.5");
        Assert.Equal(0, code);
        Assert.Contains("# D1 annual lithium (mt), central values", output);
        Assert.Contains("Year,LDV VM (mt),", output);
        Assert.Contains("recycling_rate,0.5", output);
        Assert.Equal(101, output.Split('\n').Count(l => l.Length > 4 && char.IsDigit(l[0]) && l[4] == ','));
    }

    [Fact]
    public void Parameters_lists_every_input_with_its_range_and_source()
    {
        var (code, output, _) = Evsc("lithium", "--parameters", "--format", "csv");
        Assert.Equal(0, code);
        Assert.Contains("lithium_kg_per_kwh,0.12,0.12,0.085,0.16,kg Li/kWh,yes,", output);
        Assert.Contains("HeavyTruck · lifetime_mileage_km,1200000,1200000,900000,1500000,km,,Hao et al. 2019 Introduction", output);
        Assert.Contains("pack_specific_energy · 2018", output);
        Assert.DoesNotContain("annual lithium", output);
    }

    [Fact]
    public void Calibrated_run_fitted_on_D1_to_D3_predicts_D4_out_of_sample()
    {
        var (code, output, _) = Evsc("lithium", "--calibrated", "--fit-on", "D1,D2,D3", "--scenario", "D4", "--step", "50");
        Assert.Equal(0, code);
        Assert.Contains("D4 annual lithium (mt), fitted on D1,D2,D3", output);
        Assert.Contains("out of sample", output);
        Assert.DoesNotContain("in sample", output);
        Assert.Contains("Calibrated parameters (fitted on D1,D2,D3)", output);
        Assert.DoesNotContain("✗", output);
    }

    [Theory]
    [InlineData("--scenario", "D9", "unknown scenario 'D9'")]
    [InlineData("--set", "recycling_rate=1.5", "[0, 1]")]
    [InlineData("--set", "colour=3", "unknown parameter 'colour'")]
    [InlineData("--set", "life_scale", "is not NAME=VALUE")]
    [InlineData("--step", "0", "--step 0 is not allowed (allowed: ≥ 1)")]
    [InlineData("--fit-on", "D7", "no published targets for 'D7'")]
    public void Bad_options_give_one_clear_error(string option, string value, string message)
    {
        var (code, _, error) = Evsc("lithium", option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }
}
