using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;
using EvSupplyChain.Models.VehicleLithium;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc lithium</c>: annual lithium flows and accumulated totals of a vehicle-electrification scenario (Hao et al. 2019).</summary>
public static class VehicleLithiumCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario from data/vehicle-lithium/scenarios.csv (D1, D2, D3, D4 or your own).", DefaultValueFactory = _ => "D2" };
        var calibrated = new Option<bool>("--calibrated") { Description = "Fit the calibrated parameters inside their sourced ranges to the published targets (--fit-on) first, instead of using their central values." };
        var fitOn = new Option<string>("--fit-on") { Description = "Targets to fit with --calibrated: scenarios, each optionally ':accumulated' or ':annual', e.g. D1,D2,D3 (predicts D4 out of sample) or D2; 'all' = every target.", DefaultValueFactory = _ => Calibration.AllTargets, HelpName = "SCENARIOS" };
        var parameters = new Option<bool>("--parameters") { Description = "Print every input and calibrated parameter with its value, sourced range and source, and stop." };
        var set = new Option<string[]>("--set") { Description = "Override a calibrated parameter after any fit (a value outside its sourced range is allowed but flagged), e.g. --set recycling_rate=0.9 (repeatable).", HelpName = "NAME=VALUE" };
        var step = CliOutput.Int("--step", "Print every Nth year of the annual series (the last year always).", 1, min: 1);
        step.HelpName = "YEARS";
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("lithium", "Lithium inflow, outflow, stock, recycling and net demand of light- and heavy-duty vehicle electrification, 2000–2100 (Hao et al. 2019, scenarios D1–D4).");
        foreach (var o in new Option[] { scenario, calibrated, fitOn, parameters, set, step, format, data }) cmd.Options.Add(o);
        cmd.SetGuardedAction((pr, stdout, _) =>
            Run(pr.GetValue(scenario)!, pr.GetValue(calibrated), pr.GetValue(fitOn)!, pr.GetValue(parameters), pr.GetValue(set) ?? [], pr.GetValue(step), pr.GetValue(format)!, pr.GetValue(data), stdout));
        return cmd;
    }

    /// <summary>Runs the scenario and writes the tables; returns the exit code.</summary>
    internal static int Run(string scenarioName, bool calibrated, string fitOn, bool listParameters, string[] sets, int step, string format, string? dataPath, TextWriter stdout)
    {
        var inputs = VehicleLithiumInputs.Load(dataPath);
        var s = inputs.Scenario(scenarioName);
        Calibration.Select(inputs.Targets, fitOn);
        var fit = calibrated ? Calibration.Fit(inputs, fitOn) : null;
        if (listParameters)
        {
            Write(stdout, VehicleLithiumReport.Inputs(inputs, fit), format);
            if (fit is not null) Write(stdout, VehicleLithiumReport.Parameters(fit), format);
            return 0;
        }
        var p = ApplySets(fit?.Fitted ?? inputs.Central, sets);
        var r = FleetModel.Run(inputs, s, p);
        var which = fit is null ? "central values" : $"fitted on {fit.FitOn}";
        Write(stdout, VehicleLithiumReport.AnnualTable(r, step, $"{s.Name} annual lithium (mt), {which}"), format);
        Write(stdout, VehicleLithiumReport.TotalsTable([r], $"{s.Name} accumulated {inputs.FirstYear}–{inputs.LastYear} (mt Li)"), format);
        var targets = inputs.Targets.Where(t => t.Scenario == s.Name).ToList();
        if (targets.Count > 0)
        {
            var rows = targets.Select(t => new
            {
                Target = t.Name, Published = t.ValueMt, Model = r.Value(t), Error = t.ValueMt == 0 ? (double?)null : 100 * (r.Value(t) / t.ValueMt - 1),
                Fitted = fit is null ? "no fit" : fit.Fits.Any(f => f.Target == t) ? "in sample" : "out of sample",
            });
            Write(stdout, Table.From(rows, $"{s.Name} published ({VehicleLithiumReport.Citation}) vs model").WithFormat("0.000", "Published", "Model").WithFormat("0.0", "Error")
                .Rename("Published", "Published (mt)").Rename("Model", "Model (mt)").Rename("Error", "Error (%)").Rename("Fitted", "Role"), format);
        }
        if (fit is not null) Write(stdout, VehicleLithiumReport.Parameters(fit), format);
        var used = ModelParameters.Names.Zip(p.ToArray()).Select(z =>
        {
            var b = inputs.Bounds(z.First);
            return new { Parameter = z.First, Value = z.Second, Low = b.Lower, High = b.Upper, Inside = z.Second >= b.Lower && z.Second <= b.Upper ? "✓" : "✗ outside the sourced range" };
        });
        Write(stdout, Table.From(used, $"Parameters used ({which})").WithFormat("0.######", "Value", "Low", "High")
            .Rename("Low", "Range low").Rename("High", "Range high").Rename("Inside", "In sourced range"), format);
        return 0;
    }

    /// <summary>Applies <c>name=value</c> overrides; a malformed pair, an unknown name or an out-of-range value fails naming it.</summary>
    public static ModelParameters ApplySets(ModelParameters p, IEnumerable<string> sets)
    {
        foreach (var s in sets)
        {
            var eq = s.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--set '{s}' is not NAME=VALUE (e.g. --set recycling_rate=0.9); names: {string.Join(", ", ModelParameters.Names)}.");
            var name = s[..eq].Trim();
            var text = s[(eq + 1)..].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new ArgumentException($"--set {name}: '{text}' is not a number.");
            p = p.With(name, v);
        }
        p.Validate();
        return p;
    }

    private static void Write(TextWriter output, Table table, string format)
    {
        if (format == "csv") output.WriteLine("# " + table.Title);
        CliOutput.Write(output, table, format);
        output.WriteLine();
    }
}
