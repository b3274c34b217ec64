using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Models.ChargingStations;

/// <summary>Station demand and electricity cost taken from a city energy-balance run (notebook 06, <see cref="CitySimulation"/>).</summary>
public static class StationDemand
{
    /// <summary>
    /// The station sells <paramref name="capturedShare"/> of the city's EV charging energy served each simulated year:
    /// year-1 utilisation = share · served kWh / (installed kW · 8760 h), later years follow the city's served energy
    /// (<see cref="StationParameters.UtilisationIndex"/>), and years past the simulation grow at the city's fleet growth.
    /// The tariff becomes the city's average cost of grid imports (grid cost / grid kWh over the run) when the city
    /// imported any energy. The station's utilisation ceiling still applies.
    /// </summary>
    public static StationParameters FromCityEnergy(StationParameters station, CityEnergyResult city, double capturedShare)
    {
        ArgumentNullException.ThrowIfNull(city);
        station.Validate();
        StationParameters.Check("capturedShare", capturedShare, 0, 1, "(share of the city's EV charging energy the station sells)");
        var years = city.Annual;
        if (years.Count == 0 || !(years[0].ServedMwh > 0))
            throw new ArgumentException($"The city run for {city.City.Name} served no EV energy in its first year, so it cannot size station demand.", nameof(city));
        var firstYearKwh = capturedShare * years[0].ServedMwh * 1000;
        var capacityKwh = station.InstalledKw * StationModel.HoursPerYear;
        var utilisation = firstYearKwh / capacityKwh;
        if (utilisation > 1)
            throw new ArgumentOutOfRangeException(nameof(capturedShare),
                $"capturedShare = {StationParameters.Format(capturedShare)} asks {firstYearKwh:N0} kWh in year 1 of a station that can deliver at most {capacityKwh:N0} kWh; " +
                $"the allowed range for this city and station is [0, {StationParameters.Format(capacityKwh / (years[0].ServedMwh * 1000))}].");
        var gridMwh = years.Sum(y => y.GridToEvMwh + y.GridToStorageMwh);
        var tariff = gridMwh > 0 ? years.Sum(y => y.GridCostUsd) / (gridMwh * 1000) : station.ElectricityPrice;
        return station with
        {
            Site = $"{station.Site} ({city.City.Name}, {capturedShare:P1} of city charging)",
            Utilisation = utilisation,
            UtilisationIndex = years.Select(y => y.ServedMwh / years[0].ServedMwh).ToArray(),
            UtilisationGrowth = city.Options.FleetGrowth,
            ElectricityPrice = tariff,
        };
    }
}
