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
        var calibrated = new Option<bool>("--calibrated") { Description = "Fit the calibrated parameters to the published targets first (a few seconds) instead of using their priors." };
        var set = new Option<string[]>("--set") { Description = "Override a calibrated parameter after any fit, e.g. --set recycling_rate=0.9 (repeatable).", HelpName = "NAME=VALUE" };
        var step = CliOutput.Int("--step", "Print every Nth year of the annual series (the last year always).", 1, min: 1);
        step.HelpName = "YEARS";
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("lithium", "Lithium inflow, outflow, stock, recycling and net demand of light- and heavy-duty vehicle electrification, 2000–2100 (Hao et al. 2019, scenarios D1–D4).");
        foreach (var o in new Option[] { scenario, calibrated, set, step, format, data }) cmd.Options.Add(o);
        cmd.SetGuardedAction((pr, stdout, _) =>
            Run(pr.GetValue(scenario)!, pr.GetValue(calibrated), pr.GetValue(set) ?? [], pr.GetValue(step), pr.GetValue(format)!, pr.GetValue(data), stdout));
        return cmd;
    }

    /// <summary>Runs the scenario and writes the tables; returns the exit code.</summary>
    internal static int Run(string scenarioName, bool calibrated, string[] sets, int step, string format, string? dataPath, TextWriter stdout)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "--step must be ≥ 1 year");
        var inputs = VehicleLithiumInputs.Load(dataPath);
        var s = inputs.Scenario(scenarioName);
        var fit = calibrated ? Calibration.Fit(inputs) : null;
        var p = ApplySets(fit?.Fitted ?? inputs.Priors, sets);
        var r = FleetModel.Run(inputs, s, p);
        var which = calibrated ? "calibrated parameters" : "prior parameters";
        Write(stdout, Table.From(VehicleLithiumReport.Annual(r, step), $"{s.Name} annual lithium (mt), {which}").WithNumberFormat("0.0000").WithFormat("0", "Year"), format);
        Write(stdout, Table.From([VehicleLithiumReport.Totals(r)], $"{s.Name} accumulated {inputs.FirstYear}–{inputs.LastYear} (mt Li)").WithNumberFormat("0.000"), format);
        var targets = inputs.Targets.Where(t => t.Scenario == s.Name).ToList();
        if (targets.Count > 0)
        {
            var rows = targets.Select(t => new { Target = t.Label, PublishedMt = t.ValueMt, ModelMt = r.Value(t), ErrorPercent = t.ValueMt == 0 ? (double?)null : 100 * (r.Value(t) / t.ValueMt - 1) });
            Write(stdout, Table.From(rows, $"{s.Name} published (Hao et al. 2019) vs model").WithFormat("0.000", "PublishedMt", "ModelMt").WithFormat("0.0", "ErrorPercent"), format);
        }
        Write(stdout, Table.From(ModelParameters.Names.Zip(p.ToArray()).Select(z => new { Parameter = z.First, Value = z.Second }), $"Parameters ({which})").WithFormat("0.######", "Value"), format);
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
