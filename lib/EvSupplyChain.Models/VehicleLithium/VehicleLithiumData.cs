using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>Reads and validates the CSV files of data/vehicle-lithium/. Any bad cell fails with file, line and column.</summary>
public static class VehicleLithiumData
{
    /// <summary>Loads every file from <paramref name="folder"/> (the vehicle-lithium folder itself).</summary>
    public static VehicleLithiumInputs Load(string folder)
    {
        string F(string name) => Path.Combine(folder, name);
        var p = ReadParameters(F("parameters.csv"));
        var first = (int)p.Get("first_year", 1900, 2200);
        var last = (int)p.Get("last_year", first + 1, 2300);
        var types = ReadTypes(F("vehicle_types.csv"));
        var sales = ReadSales(F("sales.csv"), first, last);
        var tech = CsvData.Load(F("technology.csv"), "year", "pack_specific_energy_wh_per_kg", "ldv_bev_range_km").RequireUniqueKey("year");
        var pack = Anchored(tech, tech.Rows, "pack_specific_energy_wh_per_kg", first, last, "", 1, 5000);
        var ldvRange = Anchored(tech, tech.Rows, "ldv_bev_range_km", first, last, "", 0, 5000);
        return new VehicleLithiumInputs
        {
            FirstYear = first,
            LastYear = last,
            SalesBaseYear = (int)p.Get("sales_base_year", first, last),
            MaxAge = (int)p.Get("max_age_years", 1, 150),
            Physics = new BatteryPhysics(p.Get("alpha", 1e-9, 10), p.Get("beta", 0.01, 3), p.Get("usable_share", 0.01, 1)),
            ProductionChainEfficiency = p.Get("production_chain_efficiency", 0.01, 1),
            ReservesMt = p.Get("reserves_mt", 0, 1e6),
            ResourcesMt = p.Get("resources_mt", 0, 1e6),
            Types = types,
            SalesMillion = sales,
            PackWhPerKg = pack,
            LdvBevRangeKm = ldvRange,
            Scenarios = ReadScenarios(F("scenarios.csv"), F("plugin_shares.csv"), first, last),
            Calibration = ReadCalibration(F("calibration.csv")),
            Targets = ReadTargets(F("published_targets.csv"), first, last),
        };
    }

    private sealed class Parameters(CsvData data, Dictionary<string, CsvRow> rows)
    {
        public double Get(string name, double min, double max) =>
            rows.TryGetValue(name, out var row) ? row.Double("value", min, max)
                : throw new DataValidationException(data.File, null, "parameter", $"the parameter '{name}' is missing");
    }

    private static Parameters ReadParameters(string path)
    {
        var data = CsvData.Load(path, "parameter", "value").RequireUniqueKey("parameter");
        return new Parameters(data, data.Rows.ToDictionary(r => r.RequiredText("parameter")));
    }

    private static List<VehicleTypeSpec> ReadTypes(string path)
    {
        var data = CsvData.Load(path, "vehicle_type", "segment", "mass_excl_battery_kg", "resistance_factor", "powertrain_efficiency",
            "phev_range_km", "annual_mileage_km", "lifetime_mileage_km", "mean_life_years", "weibull_shape").RequireUniqueKey("vehicle_type");
        var specs = new List<VehicleTypeSpec>();
        foreach (var r in data.Rows)
        {
            var type = r.Enum<VehicleType>("vehicle_type");
            var segment = r.Enum<Segment>("segment");
            if (segment != VehicleTypes.SegmentOf(type)) throw r.Error("segment", $"{type} belongs to {VehicleTypes.SegmentOf(type)}");
            specs.Add(new VehicleTypeSpec(type, segment, r.Double("mass_excl_battery_kg", 1, 1e6), r.Double("resistance_factor", 1e-6, 1e3),
                r.Double("powertrain_efficiency", 0.01, 1), r.Double("phev_range_km", 0, 5000), r.Double("annual_mileage_km", 1, 1e7),
                r.Double("lifetime_mileage_km", 1, 1e9), r.Double("mean_life_years", 0.5, 100), r.Double("weibull_shape", 0.2, 20)));
        }
        var missing = VehicleTypes.All.Except(specs.Select(s => s.Type)).ToArray();
        if (missing.Length > 0) throw new DataValidationException(path, null, "vehicle_type", $"no row for {string.Join(", ", missing)}");
        return VehicleTypes.All.Select(t => specs.First(s => s.Type == t)).ToList();
    }

    private static Dictionary<VehicleType, Trajectory> ReadSales(string path, int first, int last)
    {
        var data = CsvData.Load(path, "vehicle_type", "year", "sales_million").RequireUniqueKey("vehicle_type", "year");
        var result = new Dictionary<VehicleType, Trajectory>();
        foreach (var group in data.Rows.GroupBy(r => r.Enum<VehicleType>("vehicle_type")))
            result[group.Key] = Anchored(data, group.ToList(), "sales_million", first, last, $"{group.Key}: ", 0, 1e4);
        var missing = VehicleTypes.All.Except(result.Keys).ToArray();
        if (missing.Length > 0) throw new DataValidationException(path, null, "vehicle_type", $"no sales rows for {string.Join(", ", missing)}");
        return result;
    }

    /// <summary>A trajectory from anchor rows; the anchors must include the first and the last model year.</summary>
    private static Trajectory Anchored(CsvData data, IReadOnlyList<CsvRow> rows, string column, int first, int last, string what, double min, double max)
    {
        var anchors = rows.Select(r => (Year: r.Int("year", first, last), Value: r.Double(column, min, max))).ToList();
        foreach (var needed in new[] { first, last })
        {
            if (!anchors.Any(a => a.Year == needed))
                throw new DataValidationException(data.File, rows.Count > 0 ? rows[^1].Line : null, "year",
                    $"{what}missing year {needed}: {column} must be given for {first} and {last} (linear in between)");
        }
        return new Trajectory(anchors);
    }

    private static List<Scenario> ReadScenarios(string scenarioPath, string sharePath, int first, int last)
    {
        var s = CsvData.Load(scenarioPath, "scenario", "description", "hdv_range_km", "cycle_life_initial", "cycle_life_improved",
            "improvement_start_year", "improvement_end_year").RequireUniqueKey("scenario");
        var sh = CsvData.Load(sharePath, "scenario", "segment", "first_year", "observed_year", "observed_share", "saturation_share",
            "midpoint_year", "transition_years", "bev_share_of_plugin").RequireUniqueKey("scenario", "segment");
        var curves = new Dictionary<(string, Segment), PlugInShareCurve>();
        foreach (var r in sh.Rows)
        {
            var name = r.RequiredText("scenario");
            if (!s.Rows.Any(x => x.Text("scenario") == name)) throw r.Error("scenario", $"'{name}' is not defined in {Path.GetFileName(scenarioPath)}");
            var curve = new PlugInShareCurve(r.Int("first_year", first, last), r.Int("observed_year", first, last), r.Share("observed_share"),
                r.Share("saturation_share"), r.Double("midpoint_year", first - 100, last + 100),
                r.IsEmpty("transition_years") ? null : r.Double("transition_years", 0.1, 500), r.Share("bev_share_of_plugin"));
            if (curve.Problem() is { } problem) throw r.Error("observed_share", problem);
            curves[(name, r.Enum<Segment>("segment"))] = curve;
        }
        var list = new List<Scenario>();
        foreach (var r in s.Rows)
        {
            var name = r.RequiredText("scenario");
            var start = r.Int("improvement_start_year", first - 100, last + 100);
            var end = r.Int("improvement_end_year", start, last + 100);
            foreach (var seg in Enum.GetValues<Segment>())
                if (!curves.ContainsKey((name, seg))) throw new DataValidationException(sharePath, null, "segment", $"scenario {name} has no {seg} row");
            list.Add(new Scenario(name, r.Text("description"), r.Double("hdv_range_km", 0, 5000), r.Double("cycle_life_initial", 1, 1e6),
                r.Double("cycle_life_improved", 1, 1e6), start, end, curves[(name, Segment.LDV)], curves[(name, Segment.HDV)]));
        }
        return list;
    }

    private static List<ParameterBounds> ReadCalibration(string path)
    {
        var data = CsvData.Load(path, "parameter", "prior", "lower", "upper", "unit").RequireUniqueKey("parameter");
        var list = new List<ParameterBounds>();
        foreach (var r in data.Rows)
        {
            var name = r.OneOf("parameter", ModelParameters.Names.ToArray());
            var lower = r.Double("lower");
            var upper = r.Double("upper", min: lower);
            list.Add(new ParameterBounds(name, r.Double("prior", lower, upper), lower, upper, r.Text("unit")));
        }
        var missing = ModelParameters.Names.Except(list.Select(b => b.Name)).ToArray();
        if (missing.Length > 0) throw new DataValidationException(path, null, "parameter", $"no row for {string.Join(", ", missing)}");
        var priors = ModelParameters.FromArray(ModelParameters.Names.Select(n => list.First(b => b.Name == n).Prior).ToArray());
        try { priors.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new DataValidationException(path, null, "prior", e.Message); }
        return list;
    }

    private static readonly string[] Quantities = ["gross_demand", "recycled", "net_demand", "mine_production_equivalent", "outflow", "stock"];

    private static List<Target> ReadTargets(string path, int first, int last)
    {
        var data = CsvData.Load(path, "scenario", "measure", "vehicle_segment", "flow", "from_year", "to_year", "lithium_mt", "paper_wording");
        var list = new List<Target>();
        foreach (var r in data.Rows)
        {
            var from = r.Int("from_year", first, last);
            var to = r.Int("to_year", first, last);
            // A target is one year (from = to) or the total over the whole model period.
            if (from != to && (from != first || to != last))
                throw new DataValidationException(path, r.Line, "to_year", $"a period target must span {first}-{last}, got {from}-{to}");
            var period = from == to ? $"{from}" : $"{from}-{to}";
            list.Add(new Target(r.RequiredText("scenario"), r.OneOf("measure", Quantities), r.OneOf("vehicle_segment", ["all", "LDV", "HDV"]),
                r.OneOf("flow", ["all", "vehicle_manufacturing", "battery_replacement"]), period, r.NonNegative("lithium_mt"), r.Text("paper_wording")));
        }
        return list;
    }
}
