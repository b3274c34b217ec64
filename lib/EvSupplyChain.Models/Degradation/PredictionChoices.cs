using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

/// <summary>A climate choice: its name and the temperature it stands for.</summary>
/// <param name="Name">Short name used on the command line.</param>
/// <param name="Label">The original's menu text.</param>
/// <param name="AvgTempC">avg_temp_c, °C.</param>
public sealed record ClimateChoice(string Name, string Label, double AvgTempC);

/// <summary>A usage style and the four features it sets.</summary>
/// <param name="Name">Short name.</param>
/// <param name="Label">The original's menu text.</param>
/// <param name="Dod">Depth of discharge.</param>
/// <param name="ChargeRate">Charge rate, C.</param>
/// <param name="DischargeRate">Discharge rate, C.</param>
/// <param name="CyclesPerDay">Cycles per day.</param>
public sealed record UsageChoice(string Name, string Label, double Dod, double ChargeRate, double DischargeRate, double CyclesPerDay);

/// <summary>A traffic choice and its level.</summary>
/// <param name="Name">Short name.</param>
/// <param name="Label">The original's menu text.</param>
/// <param name="TrafficLevel">0, 1 or 2.</param>
public sealed record TrafficChoice(string Name, string Label, int TrafficLevel);

/// <summary>
/// The simplified climate / usage / traffic choices of the original's interactive tools (MODEL_SPEC §3) and their
/// mapping to the seven features. <see cref="Original"/> holds the original's values; <see cref="Load"/> reads an
/// edited copy from <c>climates.csv</c>, <c>usage_profiles.csv</c> and <c>traffic_levels.csv</c>.
/// </summary>
/// <param name="Climates">Climate choices.</param>
/// <param name="Usages">Usage choices.</param>
/// <param name="Traffic">Traffic choices.</param>
public sealed record PredictionChoices(IReadOnlyList<ClimateChoice> Climates, IReadOnlyList<UsageChoice> Usages, IReadOnlyList<TrafficChoice> Traffic)
{
    /// <summary>The original's mapping.</summary>
    public static PredictionChoices Original { get; } = new(
        [new("Cold", "Cold (<10 °C)", 5.0), new("Temperate", "Temperate (10–25 °C)", 18.0), new("Hot", "Hot (25–35 °C)", 30.0), new("VeryHot", "Very Hot (>35 °C)", 40.0)],
        [new("Gentle", "Gentle Commuter", 0.5, 0.3, 0.5, 0.8), new("Average", "Average User", 0.7, 0.7, 0.8, 1.0),
         new("Heavy", "Heavy User / Road Tripper", 0.85, 1.5, 1.2, 1.2), new("Taxi", "Taxi / Ride Share", 0.9, 1.8, 1.0, 2.0)],
        [new("Low", "Low / Highway", 0), new("Medium", "Medium / Mixed", 1), new("High", "High / Stop-go", 2)]);

    /// <summary>Reads the three choice files from <paramref name="folder"/> (e.g. data/degradation).</summary>
    public static PredictionChoices Load(string folder)
    {
        var climates = CsvData.Load(Path.Combine(folder, "climates.csv"), "name", "label", "avg_temp_c").RequireRows().RequireUniqueKey("name");
        var usages = CsvData.Load(Path.Combine(folder, "usage_profiles.csv"), "name", "label", "dod", "charge_rate", "discharge_rate", "cycles_per_day").RequireRows().RequireUniqueKey("name");
        var traffic = CsvData.Load(Path.Combine(folder, "traffic_levels.csv"), "name", "label", "traffic_level").RequireRows().RequireUniqueKey("name");
        return new(
            climates.Rows.Select(r => new ClimateChoice(r.RequiredText("name"), r.Text("label"), r.Double("avg_temp_c", -60, 100))).ToArray(),
            usages.Rows.Select(r => new UsageChoice(r.RequiredText("name"), r.Text("label"), r.Double("dod", 0, 1), r.Double("charge_rate", 0, 20),
                r.Double("discharge_rate", 0, 20), r.Double("cycles_per_day", 0, 50))).ToArray(),
            traffic.Rows.Select(r => new TrafficChoice(r.RequiredText("name"), r.Text("label"), r.Int("traffic_level", 0, 2))).ToArray());
    }

    /// <summary>The features for a choice of climate, usage, traffic and starting SoH; unknown names list the allowed ones.</summary>
    public OperatingConditions Conditions(string climate, string usage, string traffic, double initialSohPercent)
    {
        var c = Find(Climates, climate, x => x.Name, "climate");
        var u = Find(Usages, usage, x => x.Name, "usage");
        var t = Find(Traffic, traffic, x => x.Name, "traffic");
        return OperatingConditions.Create(c.AvgTempC, u.Dod, u.ChargeRate, u.DischargeRate, u.CyclesPerDay, initialSohPercent, t.TrafficLevel);
    }

    /// <summary>The usage choice named <paramref name="usage"/>.</summary>
    public UsageChoice Usage(string usage) => Find(Usages, usage, x => x.Name, "usage");

    /// <summary>All choices as one table.</summary>
    public Table ToTable() => Table.Create(
        [new TableColumn("Choice", typeof(string)), new TableColumn("Name", typeof(string)), new TableColumn("Label", typeof(string)), new TableColumn("Model inputs it sets", typeof(string))],
        Climates.Select(c => (IReadOnlyList<object?>)["climate", c.Name, c.Label, $"temperature {c.AvgTempC:G4} °C"])
            .Concat(Usages.Select(u => (IReadOnlyList<object?>)["usage", u.Name, u.Label, $"depth of discharge {u.Dod:G3}, charge {u.ChargeRate:G3} C, discharge {u.DischargeRate:G3} C, {u.CyclesPerDay:G3} cycles a day"]))
            .Concat(Traffic.Select(t => (IReadOnlyList<object?>)["traffic", t.Name, t.Label, $"traffic level {t.TrafficLevel}"])),
        "Simplified choices → model features (MODEL_SPEC §3)");

    private static T Find<T>(IReadOnlyList<T> items, string name, Func<T, string> key, string what)
    {
        var hit = items.FirstOrDefault(i => string.Equals(key(i), name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return hit ?? throw new ArgumentException($"Unknown {what} '{name}'; allowed values: {string.Join(", ", items.Select(key))}.", what);
    }
}
