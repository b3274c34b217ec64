namespace EvSupplyChain.Models.CityEnergy;

/// <summary>Everything one city run produced.</summary>
/// <param name="City">The city.</param>
/// <param name="Options">The options used.</param>
/// <param name="Profiles">The typical-year hourly profiles used.</param>
/// <param name="Storage">The storage as dispatched.</param>
/// <param name="Fleet">Fleet per simulated year.</param>
/// <param name="Hourly">Hourly flows.</param>
/// <param name="Annual">Yearly totals.</param>
/// <param name="Finance">Costs, LCOE, savings.</param>
public sealed record CityEnergyResult(City City, CityEnergyOptions Options, HourlyProfiles Profiles, StorageSpec Storage,
    IReadOnlyList<FleetYear> Fleet, HourlySeries Hourly, IReadOnlyList<CityYear> Annual, CityFinanceResult Finance);

/// <summary>The yearly results of a run without its hourly flows (see <see cref="CitySimulation.RunSummary"/>).</summary>
/// <param name="City">The city.</param>
/// <param name="Options">The options used.</param>
/// <param name="Storage">The storage as dispatched.</param>
/// <param name="Fleet">Fleet per simulated year.</param>
/// <param name="Annual">Yearly totals.</param>
/// <param name="Finance">Costs, LCOE, savings.</param>
public sealed record CitySummary(City City, CityEnergyOptions Options, StorageSpec Storage, IReadOnlyList<FleetYear> Fleet,
    IReadOnlyList<CityYear> Annual, CityFinanceResult Finance);

/// <summary>
/// Runs a city: fleet and demand per hour, renewable supply per hour, the dispatch, yearly totals and finance.
/// Simulates real calendar years (leap years have 8784 hours) mapped onto the typical-year profiles.
/// </summary>
public static class CitySimulation
{
    /// <summary>Runs <paramref name="city"/> with generated profiles (seed 2025) and default options.</summary>
    public static CityEnergyResult Run(City city) => Run(city, ClimateProfiles.Generate(city), new CityEnergyOptions());

    /// <summary>Runs <paramref name="city"/> with the given profiles and options.</summary>
    public static CityEnergyResult Run(City city, HourlyProfiles profiles, CityEnergyOptions options) => Simulate(city, profiles, options, reuseBuffer: false);

    private static CityEnergyResult Simulate(City city, HourlyProfiles profiles, CityEnergyOptions options, bool reuseBuffer)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(profiles);
        var o = options.Validate();
        var fleet = FleetModel.Project(city, o);
        var storage = new StorageSpec(
            (o.StorageMwh ?? city.StorageMwh) * 1000, (o.StorageMw ?? city.StorageMw) * 1000,
            o.StorageChargeEfficiency, o.StorageDischargeEfficiency, o.StorageMinSoc, o.StorageMaxSoc, o.StorageInitialSoc);
        var series = BuildInputs(city, profiles, o, fleet, reuseBuffer);
        var gridChargeHours = Enumerable.Range(0, 24).Select(h => o.GridChargesStorage && ChargingShapes.InWindow(h, o.WindowStartHour, o.WindowEndHour)).ToArray();
        Dispatch.Run(series, storage, o.ExportPriceUsdPerKwh is not null, gridChargeHours, o.AsOriginal);
        var annual = Summarise(city, o, fleet, storage, series);
        var finance = CityFinance.Compute(city, o, storage, annual);
        return new CityEnergyResult(city, o, profiles, storage, fleet, series, annual, finance);
    }

    [ThreadStatic] private static HourlySeries? _scratch;

    /// <summary>Like <see cref="Run(City, HourlyProfiles, CityEnergyOptions)"/> but keeps only the yearly results: the hourly
    /// flows go to a per-thread buffer reused by the next call, which saves allocating ~9 MB per run in batch studies.</summary>
    public static CitySummary RunSummary(City city, HourlyProfiles profiles, CityEnergyOptions options)
    {
        var r = Simulate(city, profiles, options, reuseBuffer: true);
        return new CitySummary(r.City, r.Options, r.Storage, r.Fleet, r.Annual, r.Finance);
    }

    /// <summary>Profile hour (0–8759) for a calendar day (1–366) and hour. Corrected: 29 February repeats 28 February.
    /// Original: day min(d, 365), so every day from 29 February on is shifted by one in leap years.</summary>
    public static int ProfileHour(int dayOfYear, int hour, bool leapYear, bool asOriginal)
    {
        var day = asOriginal ? Math.Min(dayOfYear, 365) : leapYear && dayOfYear >= 60 ? dayOfYear - 1 : dayOfYear;
        return (day - 1) * 24 + hour;
    }

    private static HourlySeries BuildInputs(City city, HourlyProfiles p, CityEnergyOptions o, FleetYear[] fleet, bool reuseBuffer)
    {
        var yearStart = new int[o.Years + 1];
        for (var k = 0; k < o.Years; k++) yearStart[k + 1] = yearStart[k] + (DateTime.IsLeapYear(o.StartYear + k) ? 8784 : 8760);
        // Every array element is overwritten below and by the dispatch, so a reused buffer needs no clearing.
        var series = reuseBuffer && _scratch is { } s && s.Hours == yearStart[^1] && s.StartYear == o.StartYear
            ? s : new HourlySeries(yearStart[^1], o.StartYear, yearStart);
        if (reuseBuffer) _scratch = series;
        var shape = o.Profile == ChargingProfile.Block
            ? ChargingShapes.Block(o.WindowStartHour, o.WindowEndHour) : ChargingShapes.For(o.Profile);
        var smart = o.Profile == ChargingProfile.Smart;
        var flexShare = smart ? o.SmartFlexibleShare : 0;
        var surplus = new double[24];
        for (var k = 0; k < o.Years; k++)
        {
            var year = o.StartYear + k;
            var leap = DateTime.IsLeapYear(year);
            var (solarMw, windMw) = city.CapacityIn(year);
            var (solarKw, windKw) = (solarMw * 1000, windMw * 1000);
            var gridKw = (o.GridImportMw ?? city.GridImportMw) * 1000 * Math.Pow(1 + o.GridGrowth, k);
            var f = fleet[k];
            var perEvKwh = o.DailyKm * o.KwhPerKm / (1 - f.ChargingLoss);
            var days = leap ? 366 : 365;
            for (var d = 1; d <= days; d++)
            {
                var t0 = yearStart[k] + (d - 1) * 24;
                var ph0 = ProfileHour(d, 0, leap, o.AsOriginal);
                var temp = p.DailyMeanTemperatureC[ph0 / 24];
                var penalty = 1 + o.ColdPenaltyPerK * Math.Max(0, o.ColdThresholdC - temp) + o.HeatPenaltyPerK * Math.Max(0, temp - o.HotThresholdC);
                var dayKwh = f.Vehicles * perEvKwh * penalty;
                for (var h = 0; h < 24; h++)
                {
                    var supply = p.SolarCf[ph0 + h] * solarKw + p.WindCf[ph0 + h] * windKw;
                    series.SupplyKwh[t0 + h] = supply;
                    series.GridLimitKw[t0 + h] = gridKw;
                    series.DemandKwh[t0 + h] = dayKwh * (1 - flexShare) * shape[h];
                }
                if (smart) PlaceFlexible(series, t0, dayKwh * flexShare, shape, surplus);
                for (var h = 0; h < 24; h++) series.DemandKwh[t0 + h] = Math.Min(series.DemandKwh[t0 + h], f.ChargePowerCapKw);
            }
        }
        return series;
    }

    /// <summary>Smart charging: the flexible energy goes to the day's hours in proportion to the renewable surplus over
    /// the inflexible demand; what the surplus cannot take follows the base shape.</summary>
    private static void PlaceFlexible(HourlySeries s, int t0, double flexibleKwh, double[] shape, double[] surplus)
    {
        var total = 0.0;
        for (var h = 0; h < 24; h++)
        {
            surplus[h] = Math.Max(0, s.SupplyKwh[t0 + h] - s.DemandKwh[t0 + h]);
            total += surplus[h];
        }
        var intoSurplus = Math.Min(flexibleKwh, total);
        var rest = flexibleKwh - intoSurplus;
        for (var h = 0; h < 24; h++)
            s.DemandKwh[t0 + h] += (total > 0 ? intoSurplus * surplus[h] / total : 0) + rest * shape[h];
    }

    private static CityYear[] Summarise(City city, CityEnergyOptions o, FleetYear[] fleet, StorageSpec storage, HourlySeries s)
    {
        var result = new CityYear[o.Years];
        var price = o.TariffUsdPerKwh.ToArray();
        var exportPrice = o.ExportPriceUsdPerKwh ?? 0;
        for (var k = 0; k < o.Years; k++)
        {
            double supply = 0, demand = 0, rEv = 0, sEv = 0, gEv = 0, rSt = 0, gSt = 0, export = 0, curtailed = 0, unmet = 0, loss = 0;
            double peak = 0, gridCost = 0, gridEvCost = 0, servedValue = 0, baselineKwh = 0, baselineCost = 0;
            for (var t = s.YearStartHour[k]; t < s.YearStartHour[k + 1]; t++)
            {
                var pr = price[t % 24];
                supply += s.SupplyKwh[t];
                demand += s.DemandKwh[t];
                rEv += s.RenewableToEvKwh[t];
                sEv += s.StorageToEvKwh[t];
                gEv += s.GridToEvKwh[t];
                rSt += s.RenewableToStorageKwh[t];
                gSt += s.GridToStorageKwh[t];
                export += s.ExportKwh[t];
                curtailed += s.CurtailedKwh[t];
                unmet += s.UnmetKwh[t];
                loss += s.StorageLossKwh[t];
                var import = s.GridToEvKwh[t] + s.GridToStorageKwh[t];
                peak = Math.Max(peak, import);
                gridCost += import * pr;
                gridEvCost += s.GridToEvKwh[t] * pr;
                servedValue += (s.RenewableToEvKwh[t] + s.StorageToEvKwh[t] + s.GridToEvKwh[t]) * pr;
                var alone = Math.Min(s.DemandKwh[t], s.GridLimitKw[t]);
                baselineKwh += alone;
                baselineCost += alone * pr;
            }
            var served = rEv + sEv + gEv;
            var renewableStorageShare = rSt + gSt > 0 ? rSt / (rSt + gSt) : 0;
            var (solarMw, windMw) = city.CapacityIn(o.StartYear + k);
            result[k] = new CityYear
            {
                Year = o.StartYear + k, Vehicles = fleet[k].Vehicles, SohPct = fleet[k].SohPct, ResistancePct = fleet[k].ResistancePct,
                SolarMw = solarMw, WindMw = windMw,
                SupplyMwh = supply / 1000, DemandMwh = demand / 1000, ServedMwh = served / 1000,
                RenewableToEvMwh = rEv / 1000, StorageToEvMwh = sEv / 1000, GridToEvMwh = gEv / 1000,
                RenewableToStorageMwh = rSt / 1000, GridToStorageMwh = gSt / 1000, ExportMwh = export / 1000,
                CurtailedMwh = curtailed / 1000, UnmetMwh = unmet / 1000, StorageLossMwh = loss / 1000, PeakGridMw = peak / 1000,
                StorageCycles = storage.UsableKwh > 0 ? sEv / storage.DischargeEfficiency / storage.UsableKwh : 0,
                RenewableShare = served > 0 ? (rEv + renewableStorageShare * sEv) / served : 0,
                CurtailedShare = supply > 0 ? curtailed / supply : 0,
                UnmetShare = demand > 0 ? unmet / demand : 0,
                GridCostUsd = gridCost, GridToEvCostUsd = gridEvCost, ExportRevenueUsd = export * exportPrice,
                ServedAtTariffUsd = servedValue, BaselineServedMwh = baselineKwh / 1000, BaselineCostUsd = baselineCost,
            };
        }
        return result;
    }
}
