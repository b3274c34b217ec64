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
        // Chemistry shares are the same at every optimum once rounded; the anode split is not (any 73–100 % graphite).
        Assert.Matches(@"2035   25   41   33    0 +\d+ +\d+", output);
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

    [Fact]
    public void All_years_with_glop_match_glpsol_and_the_published_2035_objective_to_1e7()
    {
        var (code, output, _) = Evsc("--all-years", "--solver", "glop", "--format", "csv", "--data", Data);
        Assert.Equal(0, code);
        var rows = output.Split('\n').Where(l => l.Length > 4 && int.TryParse(l[..4], out _) && l[4] == ',').Take(11).ToArray();
        Assert.Equal(11, rows.Length);
        var published = EvSupplyChain.Models.Data.CsvData.Load(Path.Combine(Data, "published_2035.csv")).Rows.Single(r => r.Text("quantity") == "objective").Double("value");
        var at2035 = double.Parse(rows.Single(r => r.StartsWith("2035,", StringComparison.Ordinal)).Split(',')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(at2035 - published) <= 1e-7 * published, $"2035: {at2035:R} vs published {published:R}");
        // Only 2035 is published; every other year is checked against glpsol (GlpkCrossCheckTests, 1e-9).
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
    public void Unknown_solver_is_rejected_by_the_parser_naming_the_choices()
    {
        var (code, _, error) = Evsc("--solver", "simplex");
        Assert.NotEqual(0, code);
        Assert.Contains("simplex", error);
        Assert.Contains("glop", error);
    }

    [Fact]
    public void Unknown_objective_is_rejected_by_the_parser()
    {
        var (code, _, error) = Evsc("--objective", "cost");
        Assert.NotEqual(0, code);
        Assert.Contains("cost", error);
    }
}
