using System.CommandLine;
using EvSupplyChain.Cli;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.BatteryProduction;

public class OptimizeCommandTests
{
    private static (int Code, string Out, string Err) Evsc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(["optimize", .. args], o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string Data => Path.Combine(TestPaths.Data, "optimization");

    [Fact]
    public void Default_year_prints_the_2035_tables()
    {
        var (code, output, error) = Evsc("--data", Data);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("122.343", output);
        Assert.Contains("2035   25   41   33    0            76           24", output);
        Assert.Contains("raw manganese", output);
    }

    [Fact]
    public void All_years_with_ranges_as_csv()
    {
        var (code, output, _) = Evsc("--all-years", "--ranges", "--format", "csv", "--data", Data);
        Assert.Equal(0, code);
        foreach (var y in Enumerable.Range(2025, 11)) Assert.Contains($"\n{y},", output);
        Assert.Contains("silicon_aam", output);
    }

    [Fact]
    public void Energy_objective_and_write_lp()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("evsc-opt-cli-").FullName, "model.lp");
        var (code, _, _) = Evsc("--year", "2030", "--objective", "energy", "--write-lp", file, "--data", Data);
        Assert.Equal(0, code);
        var model = LpFileReader.ReadFile(file);
        Assert.Equal(468, model.Variables.Count);
        Assert.Equal(ObjectiveSense.Maximize, model.Sense);
        Assert.NotEqual(1.0, model.Objective[0].Coefficient); // GWh per t, not 1
    }

    [Theory]
    [InlineData(new[] { "--year", "2040" }, "available years")]
    [InlineData(new[] { "--year", "2030", "--all-years" }, "either --year or --all-years")]
    [InlineData(new[] { "--data", "/no/such/folder" }, "does not exist")]
    public void Bad_input_gives_one_line_and_exit_code_2(string[] args, string message)
    {
        var (code, output, error) = Evsc([.. args, .. args.Contains("--data") ? Array.Empty<string>() : ["--data", Data]]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Unknown_objective_is_rejected_by_the_parser()
    {
        var (code, _, error) = Evsc("--objective", "cost");
        Assert.NotEqual(0, code);
        Assert.Contains("cost", error);
    }
}
