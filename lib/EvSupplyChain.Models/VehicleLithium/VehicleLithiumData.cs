using System.Globalization;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>
/// Reads and validates the CSV files of data/vehicle-lithium/. Every input has a central value, a sourced low–high
/// range and a source; any bad cell fails with file, line and column.
/// </summary>
public static class VehicleLithiumData
{
    /// <summary>Loads every file from <paramref name="folder"/> (the vehicle-lithium folder itself).</summary>
    public static VehicleLithiumInputs Load(string folder)
    {
        string F(string name) => Path.Combine(folder, name);
        var sources = new List<SourcedInput>();
        var p = ReadParameters(F("parameters.csv"), sources);
        var first = (int)p.Get("first_year", 1900, 2200);
        var last = (int)p.Get("last_year", first + 1, 2300);
        var types = ReadTypes(F("vehicle_types.csv"), sources);
        var sales = ReadSales(F("sales.csv"), first, last);
        var tech = ReadTechnology(F("technology.csv"), first, last, sources);
        var calibration = p.Calibrated();
        CheckScaleRange(p, calibration, "life_scale", types, t => t.MeanLifeYears, "mean_life_years", _ => true);
        CheckScaleRange(p, calibration, "hdv_mileage_scale", types, t => t.AnnualMileageKm, "annual_mileage_km", t => t.Segment == Segment.HDV);
        CheckScaleRange(p, calibration, "hdv_mileage_scale", types, t => t.LifetimeMileageKm, "lifetime_mileage_km", t => t.Segment == Segment.HDV);
        var central = ModelParameters.FromArray(ModelParameters.Names.Select(n => calibration.First(b => b.Name == n).Central).ToArray());
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
            Types = types.Select(t => t.Spec).ToList(),
            SalesMillion = sales,
            PackWhPerKg = tech["pack_specific_energy"],
            LdvBevRangeKm = tech["ldv_bev_range_km"],
            Scenarios = ReadScenarios(F("scenarios.csv"), F("plugin_shares.csv"), first, last, central),
            Calibration = calibration,
            Targets = ReadTargets(F("published_targets.csv"), first, last),
            Sources = sources,
        };
    }

    /// <summary>Reads central, low and high of a row; low ≤ central ≤ high, all within [min, max].</summary>
    private static (double Central, double Low, double High) Range(CsvRow r, double min, double max)
    {
        var c = r.Double("central", min, max);
        var low = r.Double("low", min, c);
        var high = r.Double("high", c, max);
        return (c, low, high);
    }

    private sealed class Parameters(CsvData data, Dictionary<string, CsvRow> rows)
    {
        public double Get(string name, double min, double max) =>
            rows.TryGetValue(name, out var row) ? Range(row, min, max).Central
                : throw new DataValidationException(data.File, null, "parameter", $"the parameter '{name}' is missing");

        public CsvRow Row(string name) => rows[name];

        public List<ParameterBounds> Calibrated()
        {
            var list = new List<ParameterBounds>();
            foreach (var name in ModelParameters.Names)
            {
                if (!rows.TryGetValue(name, out var r))
                    throw new DataValidationException(data.File, null, "parameter", $"the calibrated parameter '{name}' is missing");
                var (c, low, high) = Range(r, double.NegativeInfinity, double.PositiveInfinity);
                list.Add(new ParameterBounds(name, c, low, high, r.Text("unit"), r.RequiredText("source")));
            }
            var central = ModelParameters.FromArray(list.Select(b => b.Central).ToArray());
            foreach (var b in list)
            {
                try { central.With(b.Name, b.Lower).Validate(); central.With(b.Name, b.Upper).Validate(); }
                catch (ArgumentOutOfRangeException e) { throw rows[b.Name].Error("low", e.Message.Split(" (Parameter")[0]); }
            }
            return list;
        }
    }

    private static Parameters ReadParameters(string path, List<SourcedInput> sources)
    {
        var data = CsvData.Load(path, "parameter", "central", "low", "high", "unit", "calibrated", "source").RequireUniqueKey("parameter");
        foreach (var r in data.Rows)
        {
            var (c, low, high) = Range(r, double.NegativeInfinity, double.PositiveInfinity);
            var calibrated = r.OneOf("calibrated", ["true", "false"]) == "true";
            var name = r.RequiredText("parameter");
            if (calibrated != ModelParameters.Names.Contains(name))
                throw r.Error("calibrated", calibrated ? $"'{name}' is not a calibrated parameter; calibrated: {string.Join(", ", ModelParameters.Names)}"
                    : $"'{name}' is one of the calibrated parameters and must say true");
            sources.Add(new SourcedInput(Path.GetFileName(path), name, c, low, high, r.Text("unit"), r.RequiredText("source"), calibrated));
        }
        return new Parameters(data, data.Rows.ToDictionary(r => r.RequiredText("parameter")));
    }

    /// <summary>A scale parameter may only move each scaled per-type value inside that value's own sourced range.</summary>
    private static void CheckScaleRange(Parameters p, List<ParameterBounds> calibration, string scale, IReadOnlyList<TypeRanges> types,
        Func<VehicleTypeSpec, double> value, string property, Func<VehicleTypeSpec, bool> applies)
    {
        var b = calibration.First(c => c.Name == scale);
        foreach (var t in types.Where(t => applies(t.Spec)))
        {
            var (low, high) = t.Ranges[property];
            var v = value(t.Spec);
            if (v * b.Lower < low * (1 - 1e-9) || v * b.Upper > high * (1 + 1e-9))
                throw p.Row(scale).Error("low", $"{scale} range [{b.Lower.ToString(CultureInfo.InvariantCulture)}, {b.Upper.ToString(CultureInfo.InvariantCulture)}] " +
                    $"moves {t.Spec.Type} {property} = {v.ToString(CultureInfo.InvariantCulture)} outside its sourced range [{low.ToString(CultureInfo.InvariantCulture)}, {high.ToString(CultureInfo.InvariantCulture)}] of vehicle_types.csv");
        }
    }

    private sealed record TypeRanges(VehicleTypeSpec Spec, IReadOnlyDictionary<string, (double Low, double High)> Ranges);

    private static readonly string[] Properties =
        ["mass_excl_battery_kg", "resistance_factor", "powertrain_efficiency", "phev_range_km", "annual_mileage_km", "lifetime_mileage_km", "mean_life_years", "weibull_shape"];

    private static readonly Dictionary<string, (double Min, double Max)> PropertyLimits = new()
    {
        ["mass_excl_battery_kg"] = (1, 1e6), ["resistance_factor"] = (1e-6, 1e3), ["powertrain_efficiency"] = (0.01, 1), ["phev_range_km"] = (0, 5000),
        ["annual_mileage_km"] = (1, 1e7), ["lifetime_mileage_km"] = (1, 1e9), ["mean_life_years"] = (0.5, 100), ["weibull_shape"] = (0.2, 20),
    };

    private static List<TypeRanges> ReadTypes(string path, List<SourcedInput> sources)
    {
        var data = CsvData.Load(path, "vehicle_type", "property", "central", "low", "high", "unit", "source").RequireUniqueKey("vehicle_type", "property");
        var values = new Dictionary<VehicleType, Dictionary<string, (double C, double L, double H)>>();
        foreach (var r in data.Rows)
        {
            var type = r.Enum<VehicleType>("vehicle_type");
            var property = r.OneOf("property", Properties);
            var (min, max) = PropertyLimits[property];
            var v = Range(r, min, max);
            (values.TryGetValue(type, out var d) ? d : values[type] = [])[property] = v;
            sources.Add(new SourcedInput(Path.GetFileName(path), $"{type} · {property}", v.Central, v.Low, v.High, r.Text("unit"), r.RequiredText("source")));
        }
        var list = new List<TypeRanges>();
        foreach (var type in VehicleTypes.All)
        {
            if (!values.TryGetValue(type, out var d)) throw new DataValidationException(path, null, "vehicle_type", $"no rows for {type}");
            var missing = Properties.Except(d.Keys).ToArray();
            if (missing.Length > 0) throw new DataValidationException(path, null, "property", $"{type} has no row for {string.Join(", ", missing)}");
            double C(string name) => d[name].C;
            var spec = new VehicleTypeSpec(type, VehicleTypes.SegmentOf(type), C("mass_excl_battery_kg"), C("resistance_factor"), C("powertrain_efficiency"),
                C("phev_range_km"), C("annual_mileage_km"), C("lifetime_mileage_km"), C("mean_life_years"), C("weibull_shape"));
            list.Add(new TypeRanges(spec, d.ToDictionary(kv => kv.Key, kv => (kv.Value.L, kv.Value.H))));
        }
        return list;
    }

    private static Dictionary<VehicleType, Trajectory> ReadSales(string path, int first, int last)
    {
        var data = CsvData.Load(path, "vehicle_type", "year", "sales_million", "source").RequireUniqueKey("vehicle_type", "year");
        foreach (var r in data.Rows) r.RequiredText("source");
        var result = new Dictionary<VehicleType, Trajectory>();
        foreach (var group in data.Rows.GroupBy(r => r.Enum<VehicleType>("vehicle_type")))
            result[group.Key] = Anchored(data, group.ToList(), r => r.Double("sales_million", 0, 1e4), "sales_million", first, last, $"{group.Key}: ");
        var missing = VehicleTypes.All.Except(result.Keys).ToArray();
        if (missing.Length > 0) throw new DataValidationException(path, null, "vehicle_type", $"no sales rows for {string.Join(", ", missing)}");
        return result;
    }

    private static readonly Dictionary<string, (double Min, double Max)> Series = new()
    {
        ["pack_specific_energy"] = (1, 5000), ["ldv_bev_range_km"] = (0, 5000),
    };

    private static Dictionary<string, Trajectory> ReadTechnology(string path, int first, int last, List<SourcedInput> sources)
    {
        var data = CsvData.Load(path, "series", "year", "central", "low", "high", "unit", "source").RequireUniqueKey("series", "year");
        var result = new Dictionary<string, Trajectory>();
        foreach (var group in data.Rows.GroupBy(r => r.OneOf("series", Series.Keys.ToArray())))
        {
            var (min, max) = Series[group.Key];
            result[group.Key] = Anchored(data, group.ToList(), r => Range(r, min, max).Central, "central", first, last, $"{group.Key}: ");
            foreach (var r in group)
            {
                var v = Range(r, min, max);
                sources.Add(new SourcedInput(Path.GetFileName(path), $"{group.Key} · {r.Int("year")}", v.Central, v.Low, v.High, r.Text("unit"), r.RequiredText("source")));
            }
        }
        foreach (var name in Series.Keys)
            if (!result.ContainsKey(name)) throw new DataValidationException(path, null, "series", $"no rows for {name}");
        return result;
    }

    /// <summary>A trajectory from anchor rows; the anchors must include the first and the last model year.</summary>
    private static Trajectory Anchored(CsvData data, IReadOnlyList<CsvRow> rows, Func<CsvRow, double> value, string column, int first, int last, string what)
    {
        var anchors = rows.Select(r => (Year: r.Int("year", first, last), Value: value(r))).ToList();
        foreach (var needed in new[] { first, last })
        {
            if (!anchors.Any(a => a.Year == needed))
                throw new DataValidationException(data.File, rows.Count > 0 ? rows[^1].Line : null, "year",
                    $"{what}missing year {needed}: {column} must be given for {first} and {last} (linear in between)");
        }
        return new Trajectory(anchors);
    }

    private static List<Scenario> ReadScenarios(string scenarioPath, string sharePath, int first, int last, ModelParameters central)
    {
        var s = CsvData.Load(scenarioPath, "scenario", "description", "hdv_range_km", "cycle_life_initial", "cycle_life_improved",
            "improvement_start_year", "improvement_end_year", "source").RequireUniqueKey("scenario");
        var sh = CsvData.Load(sharePath, "scenario", "segment", "first_year", "observed_year", "observed_share", "saturation_share",
            "transition_years", "bev_share_of_plugin", "source").RequireUniqueKey("scenario", "segment");
        var curves = new Dictionary<(string, Segment), PlugInShareCurve>();
        foreach (var r in sh.Rows)
        {
            var name = r.RequiredText("scenario");
            r.RequiredText("source");
            if (!s.Rows.Any(x => x.Text("scenario") == name)) throw r.Error("scenario", $"'{name}' is not defined in {Path.GetFileName(scenarioPath)}");
            var segment = r.Enum<Segment>("segment");
            var midpoint = segment == Segment.LDV ? central.LdvMidpointYear : central.HdvMidpointYear;
            var curve = new PlugInShareCurve(r.Int("first_year", first, last), r.Int("observed_year", first, last), r.Share("observed_share"),
                r.Share("saturation_share"), midpoint, r.IsEmpty("transition_years") ? null : r.Double("transition_years", 0.1, 500), r.Share("bev_share_of_plugin"));
            if (curve.Problem() is { } problem) throw r.Error("observed_share", problem);
            curves[(name, segment)] = curve;
        }
        var list = new List<Scenario>();
        foreach (var r in s.Rows)
        {
            var name = r.RequiredText("scenario");
            r.RequiredText("source");
            var start = r.Int("improvement_start_year", first - 100, last + 100);
            var end = r.Int("improvement_end_year", start, last + 100);
            foreach (var seg in Enum.GetValues<Segment>())
                if (!curves.ContainsKey((name, seg))) throw new DataValidationException(sharePath, null, "segment", $"scenario {name} has no {seg} row");
            list.Add(new Scenario(name, r.Text("description"), r.Double("hdv_range_km", 0, 5000), r.Double("cycle_life_initial", 1, 1e6),
                r.Double("cycle_life_improved", 1, 1e6), start, end, curves[(name, Segment.LDV)], curves[(name, Segment.HDV)]));
        }
        return list;
    }

    private static readonly Dictionary<string, string> Measures = new()
    {
        ["gross demand"] = "gross_demand", ["recycled"] = "recycled", ["net demand"] = "net_demand",
        ["mine production equivalent"] = "mine_production_equivalent", ["outflow"] = "outflow", ["stock"] = "stock",
    };

    private static readonly Dictionary<string, string> Segments = new() { ["all vehicles"] = "all", ["LDV"] = "LDV", ["HDV"] = "HDV" };

    private static readonly Dictionary<string, string> Flows = new()
    {
        ["all flows"] = "all", ["vehicle manufacturing"] = "vehicle_manufacturing", ["battery replacement"] = "battery_replacement",
    };

    /// <summary>The separator of the five parts of a target's quantity: scenario · measure · segment · flow · year or period.</summary>
    public const string QuantitySeparator = " · ";

    /// <summary>
    /// Reads published_targets.csv (the project's published-values schema: quantity, source, value, unit, tolerance,
    /// tolerance_kind, note). The quantity names the target in five parts, e.g. "D2 · gross demand · HDV · battery
    /// replacement · 2000–2100"; a period must be the whole model period.
    /// </summary>
    public static List<Target> ReadTargets(string path, int first, int last)
    {
        var data = CsvData.Load(path, "quantity", "source", "value", "unit", "tolerance", "tolerance_kind", "note").RequireUniqueKey("quantity");
        var list = new List<Target>();
        foreach (var r in data.Rows)
        {
            var q = r.RequiredText("quantity");
            var parts = q.Split(QuantitySeparator);
            if (parts.Length != 5)
                throw r.Error("quantity", $"'{q}' must have five parts separated by ' · ': scenario · measure · segment · flow · year or {first}–{last}");
            string Part(int i, Dictionary<string, string> map, string what) => map.TryGetValue(parts[i], out var v) ? v
                : throw r.Error("quantity", $"unknown {what} '{parts[i]}' in '{q}'; allowed: {string.Join(", ", map.Keys)}");
            var measure = Part(1, Measures, "measure");
            var segment = Part(2, Segments, "segment");
            var flow = Part(3, Flows, "flow");
            var period = parts[4].Replace('–', '-');
            var years = period.Split('-');
            if (!years.All(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= first && n <= last) || years.Length > 2)
                throw r.Error("quantity", $"'{parts[4]}' is neither a year nor a period within {first}–{last}");
            if (years.Length == 2 && (int.Parse(years[0], CultureInfo.InvariantCulture) != first || int.Parse(years[1], CultureInfo.InvariantCulture) != last))
                throw r.Error("quantity", $"a period target must span {first}–{last}, got {parts[4]}");
            if (r.RequiredText("unit") != "mt Li") throw r.Error("unit", "published lithium values are in 'mt Li'");
            var kind = r.OneOf("tolerance_kind", ["Relative", "Absolute"]);
            var value = r.NonNegative("value");
            var tolerance = r.Double("tolerance", 1e-9, kind == "Relative" ? 1 : 1e3);
            if (value == 0 && kind == "Relative") throw r.Error("tolerance_kind", "a published zero needs an Absolute tolerance (a relative error is undefined)");
            list.Add(new Target(parts[0], measure, segment, flow, period, value, r.Text("note"))
            {
                Name = q, Source = r.RequiredText("source"), Tolerance = tolerance, ToleranceIsAbsolute = kind == "Absolute",
            });
        }
        return list;
    }
}
