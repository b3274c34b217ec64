using System.CommandLine;
using EvSupplyChain.Models.CathodeVulnerability;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc flows</c>: the mine → refinery → cathode edge list of one metal and year, rebuilt from trade records.</summary>
public static class FlowsCommand
{
    /// <summary>--fix QUIRK (repeatable): switch off one of the authors' quirks when rebuilding.</summary>
    internal static Option<string[]> FixOption() => new("--fix")
    {
        Description = $"Rebuild without one of the authors' quirks (repeatable): {string.Join(", ", RebuildOptions.FixNames)}, or all. Default: none (reproduces the published 2020 files).",
    };

    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "Year, 2017–2021.", Required = true };
        var metal = new Option<string>("--metal") { Description = "Metal: Lithium, Cobalt, Nickel, Manganese (or Li, Co, Ni, Mn).", Required = true };
        var fix = FixOption();
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("flows", "Edge list (t contained metal) of one metal's mine → refinery → cathode network in one year, rebuilt from Trade Map records as Cheng et al. (2024) did.");
        cmd.Options.Add(year);
        cmd.Options.Add(metal);
        cmd.Options.Add(fix);
        cmd.Options.Add(format);
        cmd.Options.Add(data);
        cmd.SetGuardedAction((pr, stdout, _) =>
            Run(pr.GetValue(year), pr.GetValue(metal)!, pr.GetValue(fix) ?? [], pr.GetValue(format) ?? "table", pr.GetValue(data), stdout));
        return cmd;
    }

    /// <summary>Builds and prints the network; returns the exit code.</summary>
    internal static int Run(int year, string metal, string[] fixes, string format, string? dataPath, TextWriter stdout)
    {
        var name = ParseMetal(metal);
        var options = RebuildOptions.WithFixes(fixes);
        var data = CathodeTradeData.Load(dataPath);
        var network = NetworkBuilder.Build(data, year, name, options);
        var rows = network.Arcs.Select(a => (IReadOnlyList<object?>)[a.Source, a.Target, a.Tonnes]).ToList();
        var title = $"{name} {year}: flows rebuilt from trade records (t contained {name.ToLowerInvariant()})" +
            (fixes.Length > 0 ? $", fixes: {string.Join(", ", fixes)}" : "");
        var table = Table.Create([new("Source", typeof(string)), new("Target", typeof(string)), new("Tonnes", typeof(double), "N1")], rows, title);
        CliOutput.Write(stdout, table, format);
        return 0;
    }

    private static string ParseMetal(string text)
    {
        var t = text.Trim();
        return ProductionTables.Metals.FirstOrDefault(m => string.Equals(m, t, StringComparison.OrdinalIgnoreCase)
                || string.Equals(ChemistryPair.Symbol(m), t, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--metal '{text}' is not a metal with a network; allowed: {string.Join(", ", ProductionTables.Metals)} (or Li, Co, Ni, Mn).");
    }
}
