using System.CommandLine;
using EvSupplyChain.Cli;
using EvSupplyChain.Models.CityEnergy;
using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.CityEnergy;

// Runs with the notebook tests, one at a time, because it redirects Console.Error as the notebook runner does.
[Collection(EvSupplyChain.Tests.Notebooks.NotebookExecution.Name)]
public class CityCommandTests
{
    private static (int Code, string Out, string Err) Evsc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var previous = Console.Error;
        Console.SetError(e); // CliOutput.Guard reports bad input on the console's error stream
        try
        {
            var code = Program.Run(args, o, e);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public void City_prints_the_yearly_summary_and_writes_the_hourly_series()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("evsc-city-").FullName, "hourly.csv");
        var (code, output, _) = Evsc("city", "--city", "Phoenix", "--years", "2", "--storage-mwh", "20", "--profile", "smart", "--hourly", file);
        Assert.Equal(0, code);
        Assert.Contains("Phoenix: yearly energy balance (corrected rules)", output);
        Assert.Contains("2026", output);
        var lines = File.ReadAllLines(file);
        Assert.Equal(8760 * 2 + 1, lines.Length);
        Assert.StartsWith("time,supply_kwh,demand_kwh", lines[0]);
    }

    [Fact]
    public void City_as_original_in_csv_has_one_row_per_year()
    {
        var (code, output, _) = Evsc("city", "--city", "chicago", "--as-original", "--format", "csv", "--years", "3");
        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Year,Demand (MWh)", rows[0]);
        Assert.Equal(["2025", "2026", "2027"], rows.Skip(1).Take(3).Select(r => r.Split(',')[0]));
    }

    [Theory]
    [InlineData("Gotham", "10", "Unknown city 'Gotham'. Known cities: Phoenix")]
    [InlineData("Phoenix", "0", "--years 0 is not allowed (allowed range [1, 30])")]
    [InlineData("Phoenix", "31", "--years 31 is not allowed (allowed range [1, 30])")]
    public void Bad_arguments_give_one_clear_error_and_exit_code_2(string city, string years, string message)
    {
        var (code, output, error) = Evsc("city", "--city", city, "--years", years);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_short_user_profile_is_rejected_naming_the_file_and_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("evsc-city-").FullName, "short.csv");
        File.WriteAllLines(file, ["kw_per_mw", .. Enumerable.Repeat("100", 8759)]);
        var (code, _, error) = Evsc("city", "--city", "Denver", "--solar-profile", file);
        Assert.Equal(2, code);
        Assert.Contains("short.csv, line 8761: the profile has 8759 data rows", error);
    }

    [Fact]
    public void The_default_battery_temperature_comes_from_the_degradation_thermal_lookup()
    {
        var phoenix = CityFixture.City("Phoenix");
        var fleet = FleetModel.Project(phoenix, new CityEnergyOptions());
        Assert.Equal(BatteryTemperatureLookup.Default.AverageC(phoenix.MeanTempC), fleet[0].BatteryTempC, 12);
        Assert.True(fleet[0].BatteryTempC > phoenix.MeanTempC);
    }
}
