using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Models.ChargingStations;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc station</c>: charging-station viability (NPV, IRR, payback, LCOC) for a preset site.</summary>
public static class ChargingStationsCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = "Site preset from data/charging-stations/presets.csv (urban or rural).", DefaultValueFactory = _ => "urban" };
        var set = new Option<string[]>("--set") { Description = "Override a parameter, e.g. --set price=0.45 --set utilisation=0.12 (repeatable; see --list).", HelpName = "KEY=VALUE" };
        var monteCarlo = CliOutput.OptionalInt("--monte-carlo", "Also run a seeded Monte Carlo over the drivers with this many draws.", min: 1);
        monteCarlo.HelpName = "DRAWS";
        var seed = CliOutput.Int("--seed", "Seed of the Monte Carlo stream.", 1);
        var list = new Option<bool>("--list") { Description = "List the parameter keys, units, allowed ranges and the site's values, then exit." };
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("station", "Charging-station viability, urban vs rural: cash flows, NPV, IRR, payback, ROI, levelised cost of charging, break-even points and viability gap.");
        foreach (var o in new Option[] { site, set, monteCarlo, seed, list, format, data }) cmd.Options.Add(o);
        cmd.SetGuardedAction((pr, stdout, _) => Run(pr.GetValue(site)!, pr.GetValue(set) ?? [], pr.GetValue(monteCarlo), pr.GetValue(seed), pr.GetValue(list),
            pr.GetValue(format)!, pr.GetValue(data), stdout));
        return cmd;
    }

    /// <summary>Evaluates the site and writes the tables; returns the exit code.</summary>
    internal static int Run(string siteName, string[] sets, int? draws, int seed, bool list, string format, string? dataPath, TextWriter stdout)
    {
        var data = StationData.Load(dataPath);
        var p = ApplySets(data.Site(siteName), sets).Validate();
        if (list)
        {
            var rows = StationParameterSpec.All.Select(s => new { Key = s.Key, Value = s.Read(p), s.Unit, s.Min, s.Max, s.Description });
            Write(stdout, Table.From(rows, $"Parameters, {p.Site}"), format);
            return 0;
        }
        var result = StationModel.Evaluate(p);
        Write(stdout, StationTables.Kpis([result.Kpis]), format);
        Write(stdout, StationTables.BreakEvens([StationAnalysis.BreakEvens(p)]), format);
        Write(stdout, StationTables.Gaps([StationAnalysis.Gap(p)]), format);
        Write(stdout, StationTables.CashFlows(result), format);
        if (draws is { } n)
            Write(stdout, StationTables.MonteCarlo([StationAnalysis.MonteCarlo(p, data.Drivers, n, seed).Summary]), format);
        return 0;
    }

    /// <summary>Applies <c>key=value</c> overrides; a malformed pair, an unknown key or an out-of-range value fails naming it.</summary>
    public static StationParameters ApplySets(StationParameters p, IEnumerable<string> sets)
    {
        foreach (var s in sets)
        {
            var eq = s.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--set '{s}' is not KEY=VALUE (e.g. --set price=0.45).");
            var key = s[..eq].Trim();
            var text = s[(eq + 1)..].Trim();
            var spec = StationParameterSpec.Get(key);
            var value = text.Equals("inf", StringComparison.OrdinalIgnoreCase) ? double.PositiveInfinity
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new ArgumentException($"--set {key}: '{text}' is not a number (allowed range [{spec.Min}, {spec.Max}] {spec.Unit}).");
            p = spec.Set(p, value);
        }
        return p;
    }

    // Tables one after another; in CSV each starts with a "# title" line.
    private static void Write(TextWriter output, Table table, string format)
    {
        if (format == "csv") output.WriteLine("# " + table.Title);
        CliOutput.Write(output, table, format);
        output.WriteLine();
    }
}
