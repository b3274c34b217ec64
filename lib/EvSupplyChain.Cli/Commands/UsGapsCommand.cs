using System.CommandLine;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc gaps</c>: the US material supply–demand gap table of a reporting year.</summary>
public static class UsGapsCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var year = CliOutput.Int("--year", "Reporting year (the inputs cover 2024–2035).", 2035);
        year.HelpName = "YEAR";
        var corrected = new Option<bool>("--corrected") { Description = "Correct bugs C1 (LFP lithium carbonate) and C6 (endless carry-over of un-recycled batteries)." };
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("gaps", "US battery-material supply–demand gap table (Lu et al., ev-supply-chain-strategies core analysis).");
        cmd.Options.Add(year);
        cmd.Options.Add(format);
        cmd.Options.Add(corrected);
        cmd.Options.Add(data);
        cmd.SetGuardedAction((pr, stdout, stderr) => Run(pr.GetValue(year), pr.GetValue(format) ?? "table", pr.GetValue(corrected), pr.GetValue(data), stdout, stderr));
        return cmd;
    }

    /// <summary>Runs the analysis and writes the table; returns 0, or 2 with a one-line error for invalid input.</summary>
    internal static int Run(int year, string format, bool corrected, string? data, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var folder = DataFolder.Analysis("us-supply-chain", data);
            var options = (corrected ? GapOptions.Corrected : GapOptions.Original) with { Year = year };
            var result = GapAnalysis.Run(folder, options);
            var title = $"US supply–demand gap in {year} (t/yr){(corrected ? ", corrected (C1, C6)" : "")}";
            CliOutput.Write(stdout, result.ToTable(title), format);
            return 0;
        }
        catch (Exception e)
        {
            return CliOutput.Fail(e, stderr);
        }
    }
}
