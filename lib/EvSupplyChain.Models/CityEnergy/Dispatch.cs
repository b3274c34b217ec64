namespace EvSupplyChain.Models.CityEnergy;

/// <summary>The grid battery as the dispatch sees it (energies in kWh, power in kW).</summary>
/// <param name="CapacityKwh">Energy capacity (0 disables storage).</param>
/// <param name="PowerKw">Charge and discharge power limit (AC side).</param>
/// <param name="ChargeEfficiency">Share of charged energy that is stored.</param>
/// <param name="DischargeEfficiency">Share of stored energy that is delivered.</param>
/// <param name="MinSoc">Lowest state of charge (share of capacity).</param>
/// <param name="MaxSoc">Highest state of charge (share of capacity).</param>
/// <param name="InitialSoc">State of charge before the first hour (share of capacity).</param>
public sealed record StorageSpec(double CapacityKwh, double PowerKw, double ChargeEfficiency, double DischargeEfficiency,
    double MinSoc, double MaxSoc, double InitialSoc)
{
    /// <summary>Stored energy before the first hour (kWh).</summary>
    public double InitialKwh => CapacityKwh * InitialSoc;

    /// <summary>Usable energy window (kWh).</summary>
    public double UsableKwh => CapacityKwh * (MaxSoc - MinSoc);
}

/// <summary>
/// The hourly merit order, sequential because of the storage state: renewables → EVs; surplus → storage (charge
/// efficiency, SoC ceiling, power limit); then export (when allowed, within the connection limit) or curtailment;
/// storage → EVs (discharge efficiency, SoC floor, power limit); grid → EVs within the import limit, the rest unmet;
/// grid → storage only in allowed hours. Corrected rules: no grid charging in an hour storage discharged, and the
/// power limit covers renewable and grid charging together. <c>asOriginal</c> restores the original's rules.
/// </summary>
public static class Dispatch
{
    /// <summary>Dispatches arbitrary hourly supply and demand (kWh per hour) with an hourly grid limit (kW); the series
    /// is treated as one period starting 1 January of <paramref name="startYear"/>.</summary>
    public static HourlySeries Run(IReadOnlyList<double> supplyKwh, IReadOnlyList<double> demandKwh, IReadOnlyList<double> gridLimitKw,
        StorageSpec storage, bool exportAllowed = false, bool[]? gridChargeHour = null, bool asOriginal = false, int startYear = 2025)
    {
        var n = supplyKwh.Count;
        if (demandKwh.Count != n || gridLimitKw.Count != n)
            throw new ArgumentException($"supply, demand and grid limit need the same number of hours (got {n}, {demandKwh.Count}, {gridLimitKw.Count}).");
        gridChargeHour ??= new bool[24];
        if (gridChargeHour.Length != 24) throw new ArgumentException("gridChargeHour needs 24 values.", nameof(gridChargeHour));
        var series = new HourlySeries(n, startYear, [0, n]);
        for (var t = 0; t < n; t++)
        {
            if (!(supplyKwh[t] >= 0 && demandKwh[t] >= 0 && gridLimitKw[t] >= 0 && double.IsFinite(supplyKwh[t] + demandKwh[t] + gridLimitKw[t])))
                throw new ArgumentOutOfRangeException(nameof(supplyKwh), $"Hour {t}: supply, demand and grid limit must be finite and ≥ 0.");
            series.SupplyKwh[t] = supplyKwh[t];
            series.DemandKwh[t] = demandKwh[t];
            series.GridLimitKw[t] = gridLimitKw[t];
        }
        Run(series, storage, exportAllowed, gridChargeHour, asOriginal);
        return series;
    }

    /// <summary>Runs the dispatch into <paramref name="series"/>, whose supply, demand and grid-limit arrays are filled.
    /// <paramref name="gridChargeHour"/>[h] says whether the grid may charge storage at hour of day h.</summary>
    internal static void Run(HourlySeries series, StorageSpec storage, bool exportAllowed, bool[] gridChargeHour, bool asOriginal)
    {
        var n = series.Hours;
        var supply = series.SupplyKwh;
        var demand = series.DemandKwh;
        var limit = series.GridLimitKw;
        var (rEv, sEv, gEv) = (series.RenewableToEvKwh, series.StorageToEvKwh, series.GridToEvKwh);
        var (rSt, gSt) = (series.RenewableToStorageKwh, series.GridToStorageKwh);
        var (export, curtailed, unmet, loss, socOut) = (series.ExportKwh, series.CurtailedKwh, series.UnmetKwh, series.StorageLossKwh, series.StorageSocKwh);
        var hasStorage = storage.CapacityKwh > 0 && storage.PowerKw > 0;
        var power = storage.PowerKw;
        var (etaC, etaD) = (storage.ChargeEfficiency, storage.DischargeEfficiency);
        var socMin = storage.CapacityKwh * storage.MinSoc;
        var socMax = storage.CapacityKwh * storage.MaxSoc;
        var soc = storage.InitialKwh;
        for (var t = 0; t < n; t++)
        {
            var s = supply[t];
            var d = demand[t];
            var g = limit[t];
            var toEv = Math.Min(d, s);
            var need = d - toEv;
            var surplus = s - toEv;

            double charge = 0, discharge = 0, gridCharge = 0, exported = 0;
            if (hasStorage && surplus > 0 && soc < socMax)
            {
                charge = Math.Min(surplus, Math.Min(power, (socMax - soc) / etaC));
                soc += etaC * charge;
                surplus -= charge;
            }
            if (exportAllowed && surplus > 0) exported = Math.Min(surplus, g);
            var spilled = surplus - exported;

            if (hasStorage && need > 0 && soc > socMin)
            {
                discharge = Math.Min(need, Math.Min(power, (soc - socMin) * etaD));
                soc -= discharge / etaD;
                need -= discharge;
            }
            var fromGrid = Math.Min(need, g);
            need -= fromGrid;

            if (hasStorage && gridChargeHour[t % 24] && soc < socMax && (asOriginal || discharge == 0))
            {
                var powerLeft = asOriginal ? power : power - charge;
                gridCharge = Math.Max(0, Math.Min(g - fromGrid, Math.Min(powerLeft, (socMax - soc) / etaC)));
                soc += etaC * gridCharge;
            }

            rEv[t] = toEv;
            sEv[t] = discharge;
            gEv[t] = fromGrid;
            rSt[t] = charge;
            gSt[t] = gridCharge;
            export[t] = exported;
            curtailed[t] = spilled;
            unmet[t] = need;
            loss[t] = (1 - etaC) * (charge + gridCharge) + discharge * (1 / etaD - 1);
            socOut[t] = soc;
        }
    }
}
