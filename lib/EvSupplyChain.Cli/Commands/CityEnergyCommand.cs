using System.CommandLine;
using EvSupplyChain.Models.CityEnergy;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc city</c>: the hourly energy balance and finance of one city; prints the yearly summary.</summary>
public static class CityEnergyCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var city = new Option<string>("--city") { Description = "City or town name from data/city-energy/cities.csv (e.g. Phoenix).", Required = true };
        var years = CliOutput.Int("--years", "Simulated years (1–30).", 10, 1, 30);
        var storageMwh = CliOutput.OptionalDouble("--storage-mwh", "Grid battery capacity in MWh (default: the city's value; 0 disables storage).", min: 0);
        var storageMw = CliOutput.OptionalDouble("--storage-mw", "Grid battery power in MW (default: the city's value).", min: 0);
        var profile = CliOutput.Choice("--profile", "Charging profile: block, home, workplace, fast, mixed, smart.", "mixed", [.. ProfileNames.Keys]);
        var tariff = CliOutput.Choice("--tariff", "Grid tariff: flat (0.16 $/kWh) or tou (0.10 night / 0.16 day / 0.30 at 16–21 h).", "flat", "flat", "tou");
        var exportPrice = CliOutput.OptionalDouble("--export-price", "Sell surplus at this price ($/kWh) instead of curtailing it.", min: 0);
        var gridCharging = new Option<bool>("--grid-charging") { Description = "Let the grid charge storage in the 00–04 h window (costed)." };
        var asOriginal = new Option<bool>("--as-original") { Description = "The original script's constants and rules, bugs included." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated weather profiles.", DefaultValueFactory = _ => 2025 };
        var solar = new Option<string?>("--solar-profile") { Description = "Your hourly solar profile CSV (column kw_per_mw, 8760 rows).", HelpName = "FILE" };
        var wind = new Option<string?>("--wind-profile") { Description = "Your hourly wind profile CSV (column kw_per_mw, 8760 rows).", HelpName = "FILE" };
        var hourly = new Option<string?>("--hourly") { Description = "Also write every hour's flows to this CSV file.", HelpName = "FILE" };
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("city", "City-scale hourly energy balance of EV charging with renewables and storage, LCOE and savings (PROJECT582 stage 2).");
        foreach (var o in new Option[] { city, years, storageMwh, storageMw, profile, tariff, exportPrice, gridCharging, asOriginal, seed, solar, wind, hourly, format, data })
            cmd.Options.Add(o);
        cmd.SetGuardedAction((pr, _, stderr) =>
        {
            if (pr.GetValue(hourly) is { } target)
            {
                if (Directory.Exists(target)) throw new IOException($"--hourly '{target}' is a directory; give a file name for the hourly CSV.");
                if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
                    throw new IOException($"--hourly '{target}': the folder '{folder}' does not exist.");
            }
            var catalog = CityCatalog.Load(pr.GetValue(data));
            var c = catalog.Get(pr.GetValue(city)!);
            var profiles = ClimateProfiles.Generate(c, pr.GetValue(seed));
            if (pr.GetValue(solar) is { } solarFile) profiles = profiles.WithSolar(ProfileCsv.Load(solarFile), solarFile);
            if (pr.GetValue(wind) is { } windFile) profiles = profiles.WithWind(ProfileCsv.Load(windFile), windFile);
            var options = (pr.GetValue(asOriginal) ? CityEnergyOptions.Original() : new CityEnergyOptions { Profile = ProfileNames[pr.GetValue(profile)!] }) with
            {
                Years = pr.GetValue(years),
                StorageMwh = pr.GetValue(storageMwh),
                StorageMw = pr.GetValue(storageMw),
                TariffUsdPerKwh = pr.GetValue(tariff) == "tou" ? Tariffs.TimeOfUse() : Tariffs.Flat(0.16),
            };
            if (pr.GetValue(exportPrice) is { } price) options = options with { ExportPriceUsdPerKwh = price };
            if (pr.GetValue(gridCharging)) options = options with { GridChargesStorage = true };
            var result = CitySimulation.Run(c, profiles, options);
            var output = pr.InvocationConfiguration.Output;
            var fmt = pr.GetValue(format)!;
            CliOutput.Write(output, CityEnergyViews.Annual(result), fmt);
            output.WriteLine();
            CliOutput.Write(output, CityEnergyViews.Comparison([CityEnergyViews.Compare(result)], "Summary"), fmt);
            if (pr.GetValue(hourly) is { } file)
            {
                using var writer = new StreamWriter(file);
                result.Hourly.WriteCsv(writer);
                stderr.WriteLine($"wrote {result.Hourly.Hours:N0} hours to {file}");
            }
            return 0;
        });
        return cmd;
    }

    private static readonly Dictionary<string, ChargingProfile> ProfileNames = new()
    {
        ["block"] = ChargingProfile.Block, ["home"] = ChargingProfile.HomeEvening, ["workplace"] = ChargingProfile.Workplace,
        ["fast"] = ChargingProfile.PublicFast, ["mixed"] = ChargingProfile.Mixed, ["smart"] = ChargingProfile.Smart,
    };
}
