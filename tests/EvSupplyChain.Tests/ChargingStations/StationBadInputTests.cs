using System.CommandLine;
using EvSupplyChain.Cli;
using EvSupplyChain.Cli.Commands;
using EvSupplyChain.Models.ChargingStations;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Tests.ChargingStations;

public class StationBadInputTests
{
    private static StationParameters Urban => StationData.Load(TestPaths.Data).Site("urban");

    internal static (int Code, string Out, string Err) Evsc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("utilisation", 1.2, "[0, 1]")]
    [InlineData("utilisation", -0.1, "[0, 1]")]
    [InlineData("price", -0.45, "[0, 10]")]
    [InlineData("battery_lifetime", -5, "[1, 60]")]
    [InlineData("discount_rate", double.NaN, "[0, 1]")]
    [InlineData("years", 2.5, "whole number")]
    public void Out_of_range_parameter_names_itself_and_the_allowed_range(string key, double value, string range)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Urban.With(key, value));
        Assert.StartsWith(key + " = ", e.Message);
        Assert.Contains(range, e.Message);
    }

    [Fact]
    public void Unknown_parameter_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Urban.With("utilization", 0.1));
        Assert.Contains("Unknown station parameter 'utilization'", e.Message);
        Assert.Contains("utilisation", e.Message);
    }

    [Fact]
    public void Invalid_object_built_in_code_fails_validation()
    {
        var bad = Urban with { Chargers = [new ChargerGroup("DCFC", 2, 150, 100_000, -3, 0)] };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StationModel.Evaluate(bad));
        Assert.Contains("chargers.lifetime_years = -3", e.Message);
        Assert.Throws<ArgumentException>(() => StationModel.Evaluate(Urban with { Chargers = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => StationModel.Evaluate(Urban with { Price = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => StationAnalysis.MonteCarlo(Urban, [], 0));
    }

    private static string CopyData(string file, Func<string, string> edit)
    {
        var root = Directory.CreateTempSubdirectory("evsc-stations-").FullName;
        var folder = Path.Combine(root, StationData.FolderName);
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Data, StationData.FolderName)))
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return root;
    }

    [Theory]
    [InlineData("chargers.csv", "rural,Level 2,2,7,6000,10,400", "rural,Level 2,2,7,6000,-10,400", 5, "lifetime_years", "outside the allowed range [1, 60]")]
    [InlineData("chargers.csv", "urban,Level 2,4,7,6000", "urban,Level 2,four,7,6000", 3, "count", "'four' is not a whole number")]
    [InlineData("presets.csv", "price,USD/kWh,0.45,0.45", "price,USD/kWh,0.45,-0.45", 4, "rural", "outside the allowed range [0, 10]")]
    [InlineData("presets.csv", "utilisation,share of hours,0.12,0.04", "utilisation,share of hours,1.12,0.04", 5, "urban", "outside the allowed range [0, 1]")]
    [InlineData("presets.csv", "lease,", "leases,", 13, "parameter", "unknown parameter 'leases'")]
    [InlineData("drivers.csv", "Utilisation,utilisation,0.5,1.5", "Utilisation,utilisation,1.5,0.5", 3, "low_factor", "outside the allowed range [0, 1]")]
    [InlineData("policies.csv", "Demand charge halved,demand_charge,scale,0.5", "Demand charge halved,demand_charge,times,0.5", 7, "mode", "'times' is not one of: set, scale")]
    public void Bad_cell_names_file_line_and_column(string file, string from, string to, int line, string column, string rule)
    {
        var root = CopyData(file, s => s.Contains(from) ? s.Replace(from, to) : throw new InvalidOperationException($"fixture text '{from}' not in {file}"));
        var e = Assert.Throws<DataValidationException>(() => StationData.Load(root));
        Assert.Equal(file, Path.GetFileName(e.File));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(rule, e.Message);
    }

    [Fact]
    public void Missing_file_and_unknown_site_are_named()
    {
        var root = CopyData("drivers.csv", s => s);
        File.Delete(Path.Combine(root, StationData.FolderName, "drivers.csv"));
        var e = Assert.Throws<DataValidationException>(() => StationData.Load(root));
        Assert.Contains("drivers.csv", e.Message);
        var u = Assert.Throws<ArgumentException>(() => StationData.Load(TestPaths.Data).Site("suburban"));
        Assert.Contains("urban, rural", u.Message);
    }

    [Theory]
    [InlineData("utilisation=1.2", "utilisation = 1.2 is outside the allowed range [0, 1]")]
    [InlineData("price=-0.1", "price = -0.1 is outside the allowed range [0, 10]")]
    [InlineData("solar_lifetime=-1", "solar_lifetime = -1 is outside the allowed range [1, 60]")]
    [InlineData("foo=1", "Unknown station parameter 'foo'")]
    [InlineData("price", "is not KEY=VALUE")]
    [InlineData("price=cheap", "'cheap' is not a number")]
    public void Cli_rejects_bad_set_with_a_one_line_error(string set, string message)
    {
        var (code, stdout, stderr) = Evsc("station", "--site", "rural", "--set", set, "--data", TestPaths.Data);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Cli_rejects_unknown_site_and_bad_draws()
    {
        var (code, _, stderr) = Evsc("station", "--site", "moon", "--data", TestPaths.Data);
        Assert.Equal(2, code);
        Assert.Contains("Unknown site 'moon'", stderr);
        (code, _, stderr) = Evsc("station", "--monte-carlo", "0", "--data", TestPaths.Data);
        Assert.Equal(2, code);
        Assert.Contains("--monte-carlo 0 is not allowed (allowed: ≥ 1)", stderr);
    }

    [Fact]
    public void Cli_prints_kpis_cash_flows_and_monte_carlo()
    {
        var (code, stdout, stderr) = Evsc("station", "--site", "rural", "--set", "price=0.55", "--set", "utilisation=0.05",
            "--monte-carlo", "500", "--seed", "7", "--format", "csv", "--data", TestPaths.Data);
        Assert.True(code == 0, stderr);
        var p = ChargingStationsCommand.ApplySets(StationData.Load(TestPaths.Data).Site("rural"), ["price=0.55", "utilisation=0.05"]);
        var npv = StationModel.Evaluate(p).Kpis.Npv;
        Assert.Contains("# Station KPIs", stdout);
        Assert.Contains("rural," + npv.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ",", stdout);
        Assert.Contains("# Cash flows, rural", stdout);
        Assert.Contains("# Monte Carlo NPV distribution", stdout);
        Assert.Contains("rural,500,7,", stdout);
        (code, stdout, _) = Evsc("station", "--site", "urban", "--list", "--data", TestPaths.Data);
        Assert.Equal(0, code);
        Assert.Contains("demand_charge", stdout);
    }

    private static string HeaderOnly(string text) => text[..(text.IndexOf('\n') + 1)];

    [Theory]
    [InlineData("chargers.csv")]
    [InlineData("presets.csv")]
    [InlineData("drivers.csv")]
    [InlineData("policies.csv")]
    public void A_header_only_file_is_an_error_naming_it(string file)
    {
        var root = CopyData(file, HeaderOnly);
        var e = Assert.Throws<DataValidationException>(() => StationData.Load(root));
        Assert.Equal(file, Path.GetFileName(e.File));
        Assert.Contains("no data rows", e.Message);
        var (code, output, err) = Evsc("station", "--monte-carlo", "100", "--data", root);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(file, err);
        Assert.DoesNotContain("NaN", err);
    }

    [Theory]
    [InlineData("chargers.csv", "urban,DCFC 150 kW,6,150,104443,10,2500", 2)]
    [InlineData("policies.csv", "Capital grant 80 %,capital_subsidy_share,set,0.8", 5)]
    [InlineData("presets.csv", "price,USD/kWh,0.45,0.45,project assumption (issue 9 example)", 4)]
    [InlineData("drivers.csv", "Utilisation,utilisation,0.5,1.5", 3)]
    public void A_duplicated_row_is_an_error_naming_file_and_line(string file, string row, int first)
    {
        var root = CopyData(file, s => s.Contains(row) ? s.TrimEnd('\n') + "\n" + row + "\n" : throw new InvalidOperationException(row));
        var e = Assert.Throws<DataValidationException>(() => StationData.Load(root));
        Assert.Equal(file, Path.GetFileName(e.File));
        Assert.Contains($"duplicate key", e.Message);
        Assert.Contains($"first seen on line {first}", e.Message);
        var (code, _, err) = Evsc("station", "--data", root);
        Assert.Equal(2, code);
        Assert.Contains(file, err);
    }

    [Fact]
    public void A_missing_parameter_row_is_an_error_naming_presets_and_the_key()
    {
        var root = CopyData("presets.csv", s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("electricity_price,", StringComparison.Ordinal))));
        var e = Assert.Throws<DataValidationException>(() => StationData.Load(root));
        Assert.Equal("presets.csv", Path.GetFileName(e.File));
        Assert.Contains("no row for (electricity_price)", e.Message);
    }

    [Fact]
    public void A_renamed_site_column_blames_presets_not_chargers()
    {
        var root = CopyData("presets.csv", s => s.Replace("parameter,unit,urban,rural,source", "parameter,unit,city,rural,source"));
        var e = Assert.Throws<DataValidationException>(() => StationData.Load(root));
        Assert.Equal("presets.csv", Path.GetFileName(e.File));
        Assert.Equal(1, e.Line);
        Assert.Contains("no column for site 'urban', which chargers.csv line 2 uses (site columns: city, rural)", e.Message);
    }

    [Fact]
    public void A_site_column_without_chargers_names_presets_and_the_charger_sites()
    {
        var root = CopyData("chargers.csv", s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("rural,", StringComparison.Ordinal))));
        var e = Assert.Throws<DataValidationException>(() => StationData.Load(root));
        Assert.Equal("presets.csv", Path.GetFileName(e.File));
        Assert.Contains("site column 'rural' has no chargers in chargers.csv (sites there: urban)", e.Message);
    }
}
