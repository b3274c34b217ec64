using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Tests.CityEnergy;

public class CitySimulationTests
{
    public static TheoryData<string, string> Runs() => new()
    {
        { "Phoenix", "corrected" }, { "Phoenix", "original" }, { "Chicago", "smart-export-gridcharge" },
        { "Alpine", "corrected" }, { "Seattle", "block-tou" },
    };

    private static CityEnergyOptions OptionsFor(string variant) => variant switch
    {
        "original" => CityEnergyOptions.Original(),
        "smart-export-gridcharge" => new CityEnergyOptions { Profile = ChargingProfile.Smart, ExportPriceUsdPerKwh = 0.04, GridChargesStorage = true },
        "block-tou" => new CityEnergyOptions { Profile = ChargingProfile.Block, TariffUsdPerKwh = Tariffs.TimeOfUse(), GridChargesStorage = true },
        _ => new CityEnergyOptions(),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Energy_is_conserved_every_hour_of_a_ten_year_run(string cityName, string variant)
    {
        var city = CityFixture.City(cityName);
        var r = CitySimulation.Run(city, CityFixture.ProfilesOf(city), OptionsFor(variant));
        var h = r.Hourly;
        Assert.Equal(87_648, h.Hours); // 2025–2034 with the leap years 2028 and 2032
        var scale = h.SupplyKwh.Max() + h.DemandKwh.Max() + r.Storage.CapacityKwh;
        Assert.True(h.MaxBalanceResidual(r.Storage.InitialKwh) <= 1e-9 * scale, $"residual {h.MaxBalanceResidual(r.Storage.InitialKwh)} kWh");
        for (var t = 0; t < h.Hours; t++)
        {
            foreach (var flow in new[] { h.RenewableToEvKwh[t], h.StorageToEvKwh[t], h.GridToEvKwh[t], h.RenewableToStorageKwh[t],
                         h.GridToStorageKwh[t], h.ExportKwh[t], h.CurtailedKwh[t], h.UnmetKwh[t], h.StorageLossKwh[t] })
                Assert.True(flow >= 0, $"negative flow at hour {t}");
            Assert.True(h.GridImportKwh(t) <= h.GridLimitKw[t] * (1 + 1e-12), $"grid above its limit at hour {t}");
        }
        Assert.Equal(h.DemandKwh.Sum() / 1000, r.Annual.Sum(y => y.DemandMwh), 6);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Storage_stays_within_its_state_of_charge_bounds_and_power_limit(string cityName, string variant)
    {
        var city = CityFixture.City(cityName);
        var o = OptionsFor(variant);
        var r = CitySimulation.Run(city, CityFixture.ProfilesOf(city), o);
        var (h, st) = (r.Hourly, r.Storage);
        Assert.True(st.CapacityKwh > 0);
        var eps = 1e-9 * st.CapacityKwh;
        for (var t = 0; t < h.Hours; t++)
        {
            Assert.InRange(h.StorageSocKwh[t], st.CapacityKwh * st.MinSoc - eps, st.CapacityKwh * st.MaxSoc + eps);
            Assert.True(h.StorageToEvKwh[t] <= st.PowerKw + eps);
            if (o.AsOriginal)
            {
                Assert.True(h.RenewableToStorageKwh[t] <= st.PowerKw + eps && h.GridToStorageKwh[t] <= st.PowerKw + eps);
            }
            else
            {
                Assert.True(h.RenewableToStorageKwh[t] + h.GridToStorageKwh[t] <= st.PowerKw + eps);
                Assert.False(h.StorageToEvKwh[t] > 0 && h.GridToStorageKwh[t] > 0, $"same-hour cycling at hour {t}");
            }
        }
    }

    [Fact]
    public void A_city_without_renewables_or_storage_equals_the_grid_only_baseline()
    {
        var city = CityFixture.City("Denver").WithRenewablesScaled(0);
        var r = CitySimulation.Run(city, CityFixture.ProfilesOf(city), new CityEnergyOptions { StorageMwh = 0, TariffUsdPerKwh = Tariffs.TimeOfUse() });
        foreach (var y in r.Annual)
        {
            Assert.Equal(y.BaselineServedMwh, y.ServedMwh, 9);
            Assert.Equal(y.BaselineCostUsd, y.GridCostUsd, 6);
            Assert.Equal(0, y.RenewableShare);
        }
        Assert.Equal(r.Finance.BaselineLcoeUsdPerKwh, r.Finance.LcoeUsdPerKwh, 12);
        Assert.Equal(0, r.Finance.NpvSavingsUsd, 6);
        Assert.Equal(0, r.Finance.CapexUsd);
    }

    [Fact]
    public void The_original_block_demand_is_the_fleet_times_7_2_kWh_over_four_window_hours()
    {
        var city = CityFixture.City("Houston");
        var r = CitySimulation.Run(city, CityFixture.ProfilesOf(city), CityEnergyOptions.Original());
        Assert.Equal(23_000, r.Fleet[0].Vehicles);
        Assert.Equal((int)Math.Floor(23_000 * Math.Pow(1.15, 9)), r.Fleet[9].Vehicles);
        for (var t = 0; t < 48; t++)
            Assert.Equal(t % 24 < 4 ? 23_000 * 7.2 / 4 : 0, r.Hourly.DemandKwh[t], 9);
    }

    [Fact]
    public void Smart_charging_keeps_daily_energy_and_raises_the_renewable_share()
    {
        var city = CityFixture.City("Phoenix");
        var p = CityFixture.ProfilesOf(city);
        var mixed = CitySimulation.Run(city, p, new CityEnergyOptions { Profile = ChargingProfile.Mixed });
        var smart = CitySimulation.Run(city, p, new CityEnergyOptions { Profile = ChargingProfile.Smart });
        for (var d = 0; d < 365; d += 17)
        {
            var a = mixed.Hourly.DemandKwh.Skip(d * 24).Take(24).Sum();
            var b = smart.Hourly.DemandKwh.Skip(d * 24).Take(24).Sum();
            Assert.Equal(a, b, 6);
        }
        Assert.True(smart.Annual.Sum(y => y.RenewableToEvMwh) > mixed.Annual.Sum(y => y.RenewableToEvMwh));
    }

    [Fact]
    public void Cold_weather_and_battery_resistance_raise_the_energy_drawn()
    {
        var city = CityFixture.City("Minneapolis");
        var p = CityFixture.ProfilesOf(city);
        var plain = CitySimulation.Run(city, p, new CityEnergyOptions { ColdPenaltyPerK = 0, HeatPenaltyPerK = 0, ChargerLoss = 0, BatteryOhmicLossNew = 0 });
        var full = CitySimulation.Run(city, p, new CityEnergyOptions());
        Assert.Equal(plain.Fleet[0].Vehicles * 7.2 * 365 / 1000, plain.Annual[0].DemandMwh, 6);
        Assert.True(full.Annual[0].DemandMwh > plain.Annual[0].DemandMwh * 1.1);
        Assert.True(full.Fleet[9].ChargingLoss > full.Fleet[0].ChargingLoss);
    }

    [Fact]
    public void The_thermal_hook_changes_degradation()
    {
        var city = CityFixture.City("Phoenix");
        var cool = FleetModel.Project(city, new CityEnergyOptions { BatteryTemperatureC = _ => 20 });
        var hot = FleetModel.Project(city, new CityEnergyOptions { BatteryTemperatureC = _ => 45 });
        Assert.Equal(20, cool[0].BatteryTempC);
        Assert.True(hot[9].ResistancePct > cool[9].ResistancePct);
        Assert.True(hot[9].SohPct < cool[9].SohPct);
    }

    [Theory]
    [InlineData(25, 1, 99.4)]
    [InlineData(35, 1, 99.1)]
    [InlineData(45, 1, 98.5)]
    [InlineData(25, 100, 53.7)]
    public void Placeholder_ageing_matches_the_spec_figures_after_ten_years(double batteryTemp, double scale, double expectedSoh)
    {
        Assert.Equal(expectedSoh, FleetModel.PlaceholderAgeing(batteryTemp, 10, scale).SohPct, 0.1);
    }

    [Theory]
    [InlineData(59, false, 58 * 24)]
    [InlineData(60, true, 58 * 24)]
    [InlineData(61, true, 59 * 24)]
    [InlineData(366, true, 364 * 24)]
    public void Leap_days_map_onto_the_typical_year(int day, bool leap, int expected)
    {
        Assert.Equal(expected, CitySimulation.ProfileHour(day, 0, leap, asOriginal: false));
        Assert.Equal(Math.Min(day, 365) * 24 - 24, CitySimulation.ProfileHour(day, 0, leap, asOriginal: true));
    }

    [Fact]
    public void Options_out_of_range_name_the_parameter_and_range()
    {
        var city = CityFixture.City("Miami");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CitySimulation.Run(city, CityFixture.ProfilesOf(city), new CityEnergyOptions { Years = 0 }));
        Assert.Contains("Years must be within [1, 30]", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CityEnergyOptions { StorageInitialSoc = 0.99 }.Validate());
        Assert.Contains("StorageInitialSoc", ex.Message);
        Assert.Throws<ArgumentException>(() => new CityEnergyOptions { TariffUsdPerKwh = [0.1] }.Validate());
    }
}
