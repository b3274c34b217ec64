using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc lp MODEL.lp|MODEL.mps</c>: solves any LP file and prints status, objective and values.</summary>
public static class LpCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("MODEL") { Description = "A linear programme in CPLEX LP format (.lp) or MPS (any other name; free MPS, else fixed)." };
        var solver = OptimizeCommand.SolverOption();
        var mpsFormat = CliOutput.Choice("--mps-format", "Read MPS as free or fixed; auto tries free, then fixed.", "auto", "auto", "free", "fixed");
        var format = CliOutput.FormatOption();
        var cmd = new Command("lp", "Solve an LP file (CPLEX LP or MPS) with an OR-Tools solver; print status, objective and every variable's value.");
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { solver, mpsFormat, format }) cmd.Options.Add(o);
        // Invalid input or an unreadable model file: one line naming file, line and column; exit 2.
        cmd.SetGuardedAction((pr, stdout, _) => Run(pr.GetValue(file)!, pr.GetValue(solver), pr.GetValue(mpsFormat), pr.GetValue(format) ?? "table", stdout));
        return cmd;
    }

    /// <summary>Reads a model file by its extension: .lp is CPLEX LP, anything else MPS.</summary>
    public static LinearModel Read(string path, string? mpsFormat = null) =>
        path.EndsWith(".lp", StringComparison.OrdinalIgnoreCase) ? LpFileReader.ReadFile(path)
        : MpsFileReader.ReadFile(path, mpsFormat switch { "free" => MpsFormat.Free, "fixed" => MpsFormat.Fixed, _ => null });

    /// <summary>Runs the command; returns 0 when optimal, 1 for any other status (infeasible, unbounded, limit).</summary>
    internal static int Run(string path, string? solverName, string? mpsFormat, string format, TextWriter output)
    {
        var solver = LpSolvers.Create(solverName);
        var model = Read(path, mpsFormat);
        var s = solver.Solve(model);
        var summary = Table.From(new[]
        {
            new { Quantity = "model", Value = model.Name },
            new { Quantity = "rows × columns (non-zeros)", Value = $"{model.Constraints.Count} × {model.Variables.Count} ({model.NonZeros})" },
            new { Quantity = "solver", Value = solver.Name },
            new { Quantity = "status", Value = s.Status.ToString() },
            new { Quantity = "objective", Value = s.IsOptimal ? s.ObjectiveValue.ToString("R", CultureInfo.InvariantCulture) : "" },
            new { Quantity = "message", Value = s.Message },
        }, $"{Path.GetFileName(path)} solved with {solver.Name}");
        CliOutput.Write(output, summary, format);
        output.WriteLine();
        if (!s.IsOptimal) return 1;
        var values = Table.From(model.Variables.Select(v => new
        {
            Variable = v.Name,
            Value = s.Values[v.Index],
            ReducedCost = s.ReducedCosts[v.Index],
        }), "Variables at the optimum").Rename("ReducedCost", "Reduced cost").WithFormat("G10", "Value", "Reduced cost");
        CliOutput.Write(output, values, format);
        return 0;
    }
}
