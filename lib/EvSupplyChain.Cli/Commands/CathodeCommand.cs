using System.CommandLine;
using EvSupplyChain.Models.CathodeVulnerability;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc vulnerability</c>: the cathode disruption vulnerability index (Cheng et al. 2024) for focal sets and pairs.</summary>
public static class CathodeCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var focal = new Option<string[]>("--focal")
        {
            Description = "A country, a comma-separated list of countries (one focal set) or a bloc name; repeat for several focal sets. Default: China.",
        };
        var pair = new Option<string[]>("--pair")
        {
            Description = "Chemistry–mineral pair, e.g. LFP-Li, NMC-Co; repeat for several. Default: the five Fig 5 pairs.",
        };
        var move = new Option<string?>("--move") { Description = "What-if: move the focal set's production at this step out first: cathode, refining or mining." };
        var moveTo = new Option<string?>("--move-to") { Description = "Destination country for --move (default: the other producers of that step, in proportion to their output)." };
        var year = new Option<int>("--year")
        {
            Description = "Year of the networks, 2017–2021. 2020 uses the authors' published network unless --rebuilt; other years are rebuilt from the trade records.",
            DefaultValueFactory = _ => 2020,
        };
        var rebuilt = new Option<bool>("--rebuilt") { Description = "Use the network rebuilt from trade records also for 2020." };
        var fix = FlowsCommand.FixOption();
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("vulnerability", "Cathode supply-chain disruption vulnerability index (share of 2020 LFP/NMC cathode output exposed to a focal set), four cases.");
        cmd.Options.Add(focal);
        cmd.Options.Add(pair);
        cmd.Options.Add(move);
        cmd.Options.Add(moveTo);
        cmd.Options.Add(year);
        cmd.Options.Add(rebuilt);
        cmd.Options.Add(fix);
        cmd.Options.Add(format);
        cmd.Options.Add(data);
        cmd.SetGuardedAction((pr, stdout, stderr) => Run(pr.GetValue(focal) ?? [], pr.GetValue(pair) ?? [], pr.GetValue(move), pr.GetValue(moveTo),
            pr.GetValue(format) ?? "table", pr.GetValue(data), stdout, stderr,
            new NetworkChoice(pr.GetValue(year), pr.GetValue(rebuilt), pr.GetValue(fix) ?? [])));
        return cmd;
    }

    /// <summary>Computes and prints the index table; returns the exit code.</summary>
    internal static int Run(string[] focals, string[] pairs, string? move, string? moveTo, string format, string? dataPath, TextWriter stdout, TextWriter stderr,
        NetworkChoice? source = null)
    {
        source ??= new NetworkChoice(2020, false, []);
        var analysis = Vulnerability.Load(dataPath);
        var fromTrade = source.Rebuilt || source.Year != 2020;
        if (fromTrade)
            analysis = analysis.WithNetworks(NetworkBuilder.BuildYear(CathodeTradeData.Load(dataPath), source.Year, RebuildOptions.WithFixes(source.Fixes)));
        else if (source.Fixes.Length > 0)
            throw new ArgumentException("--fix changes how networks are rebuilt from trade records; add --rebuilt (or a --year other than 2020).");
        var focalSets = (focals.Length == 0 ? ["China"] : focals).Select(analysis.Focal).ToArray();
        var pairList = pairs.Length == 0 ? ChemistryPair.Figure5 : pairs.Select(ChemistryPair.Parse).ToArray();
        if (moveTo is not null && move is null) throw new ArgumentException("--move-to needs --move cathode|refining|mining.");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var f in focalSets)
        {
            var scenario = move is null ? analysis : analysis.MoveStage(f, ParseStep(move), moveTo);
            foreach (var p in pairList)
            {
                var index = scenario.Index(f, p);
                foreach (var w in index.Warnings) stderr.WriteLine($"warning: {w}");
                rows.Add([f.Name, p.Label, index.Proportional, index.Optimistic, index.PessimisticA, index.PessimisticB,
                    index.Steps.Cathode, index.Steps.Refining, index.Steps.Mining, index.CathodeTotal]);
            }
        }
        var networkNote = fromTrade ? $"{source.Year}, networks rebuilt from trade records" : "2020, the authors' published networks";
        var title = move is null ? $"Vulnerability index (share of cathode output; {networkNote})"
            : $"Vulnerability index ({networkNote}) after moving the focal set's {move} production to {moveTo ?? "the other producers"}";
        var table = Table.Create(
        [
            new("Focal", typeof(string)), new("Pair", typeof(string)), new("Proportional", typeof(double), "P2"), new("Optimistic", typeof(double), "P2"),
            new("PessimisticA", typeof(double), "P2"), new("PessimisticB", typeof(double), "P2"), new("Cathode step", typeof(double), "P2"),
            new("Refining step", typeof(double), "P2"), new("Mining step", typeof(double), "P2"), new("Cathode total t", typeof(double), "N1"),
        ], rows, title);
        CliOutput.Write(stdout, table, format);
        return 0;
    }

    /// <summary>Which networks the index uses: the authors' 2020 files, or networks rebuilt for <see cref="Year"/>.</summary>
    internal sealed record NetworkChoice(int Year, bool Rebuilt, string[] Fixes);

    private static Step ParseStep(string text) => text.Trim().ToLowerInvariant() switch
    {
        "cathode" => Step.Cathode,
        "refining" => Step.Refining,
        "mining" => Step.Mining,
        _ => throw new ArgumentException($"--move '{text}' is not a step; allowed: cathode, refining, mining."),
    };
}
