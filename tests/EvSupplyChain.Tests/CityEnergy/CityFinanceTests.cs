using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Tests.CityEnergy;

public class CityFinanceTests
{
    private static readonly StorageSpec NoStorage = new(0, 0, 1, 1, 0, 1, 0);

    [Fact]
    public void Corrected_LCOE_and_NPV_match_a_hand_computed_two_year_case()
    {
        var o = new CityEnergyOptions { SolarCapexPerKw = 1000, SolarOmShare = 0.01, DiscountRate = 0.10, RenewableLifeYears = 4 };
        CityYear[] years =
        [
            new() { Year = 2025, SolarMw = 1, GridCostUsd = 100, ServedMwh = 10, BaselineCostUsd = 2000, BaselineServedMwh = 10 },
            new() { Year = 2026, SolarMw = 2, GridCostUsd = 50, ServedMwh = 20, BaselineCostUsd = 4000, BaselineServedMwh = 20 },
        ];
        var f = CityFinance.Corrected(o, NoStorage, years);
        // Capital: 1 MW now, 1 MW a year later; O&M 1 % of installed capital; residual = undepreciated share of 4-year assets.
        double c0 = 1e6, c1 = 1e6 + 1e4 + 100, c2 = 2e4 + 50 - (1e6 * 2 / 4 + 1e6 * 3 / 4);
        Assert.Equal([c0, c1, c2], f.Flows.Select(x => x.CostUsd));
        var lcoe = (c0 + c1 / 1.1 + c2 / 1.21) / (10_000 / 1.1 + 20_000 / 1.21);
        Assert.Equal(lcoe, f.LcoeUsdPerKwh, 1e-12);
        var npv = -c0 + (2000 - c1) / 1.1 + (4000 - c2) / 1.21;
        Assert.Equal(npv, f.NpvSavingsUsd, 1e-6);
        Assert.Equal(0.2, f.BaselineLcoeUsdPerKwh, 1e-12);
        Assert.Null(f.PaybackYears); // without the residual value the savings never repay the capital
    }

    [Fact]
    public void Storage_is_replaced_when_its_cycle_life_is_used_up()
    {
        var storage = new StorageSpec(1000, 250, 0.95, 0.95, 0.1, 0.9, 0.5);
        var o = new CityEnergyOptions { StorageCapexPerKwh = 100, StorageCapexPerKw = 200, StorageCycleLife = 500, StorageLifeYears = 10, DiscountRate = 0 };
        var years = Enumerable.Range(0, 3).Select(k => new CityYear { Year = 2025 + k, StorageCycles = 300, ServedMwh = 1 }).ToArray();
        var f = CityFinance.Corrected(o, storage, years);
        var capex = 1000 * 100 + 250 * 200;
        Assert.Equal([0, 0, capex, 0], f.Flows.Select(x => x.ReplacementUsd)); // 600 cycles after year 2
        // One year and 300 cycles of the replacement's 500 used: 40 % left.
        Assert.Equal(capex * 0.4, f.Flows[^1].ResidualUsd, 1e-9);
    }

    [Fact]
    public void Original_finance_charges_first_year_capacity_and_leaves_energy_undiscounted()
    {
        var city = CityFixture.Toy(new CapacityPoint(2025, 1, 0.5), new CapacityPoint(2030, 5, 5));
        var storage = new StorageSpec(100, 50, 0.85, 1, 0, 1, 0);
        var o = CityEnergyOptions.Original() with
        {
            SolarCapexPerKw = 1000, WindCapexPerKw = 2000, StorageCapexPerKwh = 200, StorageCapexPerKw = 100,
            SolarOmShare = 0.01, WindOmShare = 0.02, StorageOmShare = 0.03, DiscountRate = 0.1,
        };
        CityYear[] years =
        [
            new() { Year = 2025, GridToEvCostUsd = 1000, GridCostUsd = 5000, ServedMwh = 100, ServedAtTariffUsd = 16_000 },
            new() { Year = 2026, GridToEvCostUsd = 2000, GridCostUsd = 6000, ServedMwh = 200, ServedAtTariffUsd = 32_000 },
        ];
        var f = CityFinance.Original(city, o, storage, years);
        Assert.Equal(2_025_000, f.CapexUsd);
        Assert.Equal(30_750, f.Flows[1].FixedOmUsd);
        var pv = 2_025_000 + 31_750 / 1.1 + 32_750 / 1.21;
        Assert.Equal(pv / 300_000, f.LcoeUsdPerKwh, 1e-12);
        // Net position = cumulative savings − cumulative cost: costs counted twice.
        Assert.Equal(-15_750 - 2_056_750, f.Flows[1].CumulativeUsd, 1e-9);
        Assert.Null(f.PaybackYears);

        CityYear[] rich = [years[0] with { ServedAtTariffUsd = 10e6 }, years[1]];
        var g = CityFinance.Original(city, o, storage, rich);
        Assert.Equal(2_025_000 / (2_025_000 + (10e6 - 31_750 - 2_056_750)), g.PaybackYears!.Value, 1e-12);
    }

    [Fact]
    public void The_original_rules_inflate_savings_against_the_corrected_rules_with_the_same_constants()
    {
        var city = CityFixture.City("Phoenix");
        var p = CityFixture.ProfilesOf(city);
        var original = CitySimulation.Run(city, p, CityEnergyOptions.Original());
        var fixedRules = CitySimulation.Run(city, p, CityEnergyOptions.Original() with { AsOriginal = false });
        Assert.True(original.Finance.LcoeUsdPerKwh < fixedRules.Finance.LcoeUsdPerKwh);
        Assert.True(original.Annual.Sum(y => y.GridToStorageMwh) > 0);
        Assert.True(original.Annual.Sum(y => y.GridToEvCostUsd) < original.Annual.Sum(y => y.GridCostUsd));
    }
}
