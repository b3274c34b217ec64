using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc optimize</c>: the battery-production LP of seed 000 for one year or all years.</summary>
public static class OptimizeCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var year = CliOutput.OptionalInt("--year", "Year to solve (default 2035).");
        year.HelpName = "YEAR";
        var allYears = new Option<bool>("--all-years") { Description = "Solve every year 2025–2035." };
        var objective = CliOutput.Choice("--objective", "What to maximise: mass (t, the original) or energy (GWh).", "mass", "mass", "energy");
        var ranges = new Option<bool>("--ranges") { Description = "Also print each share's range over all optimal solutions." };
        var solver = SolverOption();
        var writeLp = new Option<string?>("--write-lp") { Description = "Write the LP in CPLEX LP format (with --all-years: one FILE_YEAR.lp per year).", HelpName = "FILE" };
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("optimize", "Battery-production LP (Lu et al., seed 000): maximise eligible production under US-eligible supply limits.");
        foreach (var o in new Option[] { year, allYears, objective, ranges, solver, writeLp, format, data }) cmd.Options.Add(o);
        // Invalid input: one line naming the file, row and column or the option; no stack trace, no result.
        cmd.SetGuardedAction((pr, stdout, _) => Run(pr.GetValue(year), pr.GetValue(allYears), pr.GetValue(objective) ?? "mass", pr.GetValue(ranges),
            pr.GetValue(writeLp), pr.GetValue(format) ?? "table", pr.GetValue(data), stdout, pr.GetValue(solver)));
        return cmd;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    internal static int Run(int? year, bool allYears, string objective, bool ranges, string? writeLp, string format, string? data, TextWriter output,
        string? solverName = null)
    {
        var solver = LpSolvers.Create(solverName);
        if (year is not null && allYears) throw new ArgumentException("Use either --year or --all-years, not both.");
        var inputs = BatteryProductionInputs.Load(DataFolder.Analysis("optimization", data));
        IReadOnlyList<int> years = allYears ? [.. BatteryProductionInputs.OriginalYears.Where(y => inputs.Years.Contains(y))] : [year ?? 2035];
        var goal = objective == "energy" ? ProductionObjective.Energy : ProductionObjective.Mass;
        var results = BatteryProductionAnalysis.SolveYears(inputs, years, goal, solver);
        if (writeLp is not null)
        {
            foreach (var r in results)
            {
                var path = allYears ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(writeLp))!, $"{Path.GetFileNameWithoutExtension(writeLp)}_{r.Year}.lp") : writeLp;
                LpFileWriter.WriteFile(r.Model.Model, path);
                if (format != "csv") output.WriteLine($"wrote {path}");
            }
        }
        Write(output, BatteryProductionReport.Summary(results), format);
        Write(output, Printed(results), format);
        if (solver.HasDuals) Write(output, BatteryProductionReport.ShadowPrices(results), format);
        else if (format != "csv") output.WriteLine($"{solver.Name} reports no duals: for shadow prices use {string.Join(", ", LpSolvers.Names.Where(n => LpSolvers.Create(n).HasDuals))}.\n");
        if (ranges)
            Write(output, BatteryProductionReport.Ranges([.. results.SelectMany(r => BatteryProductionAnalysis.Ranges(r, solver: solver))]), format);
        return 0;
    }

    /// <summary>--solver NAME: one of the OR-Tools solvers the project offers (default glop).</summary>
    internal static Option<string> SolverOption() =>
        CliOutput.Choice("--solver", $"LP solver (OR-Tools, in process): {string.Join(", ", LpSolvers.Names)}.", LpSolvers.Default, [.. LpSolvers.Names]);

    private static Table Printed(IReadOnlyList<BatteryProductionResult> results) =>
        Table.From(results.Select(r => new
        {
            r.Year,
            LFP = BatteryProductionResult.Percent(r.ChemistryShares["LFP"]),
            NCA = BatteryProductionResult.Percent(r.ChemistryShares["NCA"]),
            NMC = BatteryProductionResult.Percent(r.ChemistryShares["NMC"]),
            SIB = BatteryProductionResult.Percent(r.ChemistryShares["SIB"]),
            graphite_aam = BatteryProductionResult.Percent(r.AnodeShares["graphite_aam"]),
            silicon_aam = BatteryProductionResult.Percent(r.AnodeShares["silicon_aam"]),
        }), "Shares as the original prints them (% of GWh, rounded half to even)");

    private static void Write(TextWriter output, Table table, string format)
    {
        CliOutput.Write(output, table, format);
        output.WriteLine();
    }
}
