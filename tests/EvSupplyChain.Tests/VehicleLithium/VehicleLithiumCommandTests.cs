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
        Assert.Contains("D4 annual lithium (mt), prior parameters", output);
        Assert.Contains("2100", output);
        Assert.Contains("D4 accumulated 2000–2100", output);
        Assert.Contains("D4 gross demand HDV battery replacement 2000-2100", output);
    }

    [Fact]
    public void Csv_output_has_full_rows_and_overrides_apply()
    {
        var (code, output, _) = Evsc("lithium", "--scenario", "D1", "--format", "csv", "--set", "recycling_rate=0.5");
        Assert.Equal(0, code);
        Assert.Contains("# D1 annual lithium (mt), prior parameters", output);
        Assert.Contains("Year,LdvManufacturing,", output);
        Assert.Contains("recycling_rate,0.5", output);
        Assert.Equal(101, output.Split('\n').Count(l => l.Length > 4 && char.IsDigit(l[0]) && l[4] == ','));
    }

    [Theory]
    [InlineData("--scenario", "D9", "unknown scenario 'D9'")]
    [InlineData("--set", "recycling_rate=1.5", "[0, 1]")]
    [InlineData("--set", "colour=3", "unknown parameter 'colour'")]
    [InlineData("--set", "life_scale", "is not NAME=VALUE")]
    [InlineData("--step", "0", "--step 0 is not allowed (allowed: ≥ 1)")]
    public void Bad_options_give_one_clear_error(string option, string value, string message)
    {
        var (code, _, error) = Evsc("lithium", option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }
}
