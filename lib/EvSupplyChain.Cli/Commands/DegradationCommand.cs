using System.CommandLine;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Degradation;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc degradation</c>: 500-cycle fade and resistance for simplified choices, optionally a SoH forecast.</summary>
public static class DegradationCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var chemistry = new Option<string>("--chemistry") { Description = "LiIon or NaIon.", DefaultValueFactory = _ => "LiIon" };
        var climate = new Option<string>("--climate") { Description = "Climate name from data/degradation/climates.csv (Cold, Temperate, Hot, VeryHot).", DefaultValueFactory = _ => "Temperate" };
        var usage = new Option<string>("--usage") { Description = "Usage name from data/degradation/usage_profiles.csv (Gentle, Average, Heavy, Taxi).", DefaultValueFactory = _ => "Average" };
        var traffic = new Option<string>("--traffic") { Description = "Traffic name from data/degradation/traffic_levels.csv (Low, Medium, High).", DefaultValueFactory = _ => "Medium" };
        var soh = CliOutput.Double("--soh", "Starting state of health, % (0–100).", 95, 0, 100);
        var model = CliOutput.Choice("--model", "original (the surrogate of the original generator, plus its noise-free formula) or semi-empirical.", "original", "original", "semi-empirical");
        var cell = new Option<string>("--cell") { Description = "Semi-empirical cell law: Lfp or Nmc.", DefaultValueFactory = _ => "Nmc" };
        var forecast = new Option<bool>("--forecast") { Description = "Also forecast SoH in 500-cycle steps until the end-of-life threshold." };
        var eol = CliOutput.Double("--eol", "End-of-life threshold for --forecast, % SoH (1–100).", 80, 1, 100);
        var surrogate = new Option<string>("--surrogate") { Description = "Surrogate of the original generator: ridge (polynomial ridge), fasttree or lightgbm (ML.NET boosted trees).", DefaultValueFactory = _ => "ridge" };
        var seed = CliOutput.Int("--seed", "Seed of the generated training data.", 42);
        var format = CliOutput.FormatOption();
        var data = CliOutput.DataOption();
        var cmd = new Command("degradation", "Battery degradation over the next 500 cycles from simple choices (PROJECT582 stage 1), optionally a state-of-health forecast.");
        foreach (var o in new Option[] { chemistry, climate, usage, traffic, soh, model, cell, surrogate, forecast, eol, seed, format, data }) cmd.Options.Add(o);
        cmd.SetGuardedAction((pr, stdout, _) =>
            Run(new Request(pr.GetValue(chemistry)!, pr.GetValue(climate)!, pr.GetValue(usage)!, pr.GetValue(traffic)!, pr.GetValue(soh),
                pr.GetValue(model)!, pr.GetValue(cell)!, pr.GetValue(forecast), pr.GetValue(eol), pr.GetValue(seed), pr.GetValue(data))
                { Surrogate = pr.GetValue(surrogate)! }, pr.GetValue(format)!, stdout));
        return cmd;
    }

    internal sealed record Request(string Chemistry, string Climate, string Usage, string Traffic, double Soh, string Model, string Cell,
        bool Forecast, double EndOfLife, int Seed, string? DataPath)
    {
        /// <summary>--surrogate: ridge, fasttree or lightgbm.</summary>
        public string Surrogate { get; init; } = "ridge";
    }

    internal static int Run(Request r, string format, TextWriter stdout)
    {
        var chemistry = ParseEnum<CellChemistry>(r.Chemistry, "--chemistry");
        var surrogateKind = Surrogates.Parse(r.Surrogate, "--surrogate");
        var choices = PredictionChoices.Load(DataFolder.Analysis("degradation", r.DataPath));
        if (r.Soh is < 0 or > 100 || double.IsNaN(r.Soh)) throw new ArgumentOutOfRangeException("--soh", r.Soh, $"--soh {r.Soh} is outside the allowed range [0, 100].");
        OperatingConditionsCheck(r.EndOfLife);
        if (r.Forecast && r.Soh <= r.EndOfLife)
            throw new ArgumentException($"--soh {r.Soh:G4} is at or below the end-of-life threshold --eol {r.EndOfLife:G4}: nothing to forecast; start above it.");
        var x = choices.Conditions(r.Climate, r.Usage, r.Traffic, r.Soh);
        var title = $"{chemistry.Label()}, {r.Climate} / {r.Usage} / {r.Traffic} traffic, SoH {r.Soh:G4} %: next 500 cycles";
        switch (r.Model.Trim().ToLowerInvariant())
        {
            case "original":
            {
                var training = InteractivePrediction.Train(chemistry, seed: r.Seed, kind: surrogateKind);
                var rows = InteractivePrediction.Predict(training.Model, x).Take(2).ToArray();
                Write(stdout, InteractivePrediction.ToTable(rows, title), format);
                if (r.Forecast)
                {
                    var f = DegradationForecast.Stepwise($"surrogate: {training.Model.Name} ({chemistry.Label()})", v => training.Model.Predict(v), x, r.EndOfLife);
                    Write(stdout, f.ToTable(), format);
                }
                return 0;
            }
            case "semi-empirical":
            {
                if (chemistry != CellChemistry.LiIon)
                    throw new ArgumentException("--model semi-empirical has published laws for Li-ion cells only (--cell Lfp or Nmc); use --chemistry LiIon or --model original.");
                var law = SemiEmpiricalAgeing.For(ParseEnum<AgeingCell>(r.Cell, "--cell"));
                Write(stdout, InteractivePrediction.ToTable([InteractivePrediction.SemiEmpirical(law, x)], title), format);
                if (r.Forecast)
                    Write(stdout, DegradationForecast.SemiEmpirical(law, x, r.EndOfLife).ToTable(), format);
                return 0;
            }
            default:
                throw new ArgumentException($"--model '{r.Model}' is not allowed; allowed values: original, semi-empirical.");
        }
    }

    // Tables one after another; in CSV each starts with a "# title" line so the forecast's end-of-life note survives.
    private static void Write(TextWriter output, Table table, string format)
    {
        if (format == "csv") output.WriteLine("# " + table.Title);
        CliOutput.Write(output, table, format);
        output.WriteLine();
    }

    private static void OperatingConditionsCheck(double eol)
    {
        if (eol is < 1 or > 100 || double.IsNaN(eol)) throw new ArgumentOutOfRangeException("--eol", eol, $"--eol {eol} is outside the allowed range [1, 100].");
    }

    private static T ParseEnum<T>(string value, string option) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var v) && Enum.IsDefined(v)
            ? v
            : throw new ArgumentException($"{option} '{value}' is not allowed; allowed values: {string.Join(", ", Enum.GetNames<T>())}.");
}
