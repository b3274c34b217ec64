using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Tests.CityEnergy;

public class DispatchTests
{
    private static readonly StorageSpec Battery = new(100, 30, 0.9, 0.8, 0.1, 0.9, 0.5);

    [Fact]
    public void Corrected_merit_order_matches_a_hand_computed_four_hour_case()
    {
        var gridCharge = new bool[24];
        gridCharge[3] = true;
        var s = Dispatch.Run([100, 0, 0, 10], [20, 60, 100, 0], [50, 50, 20, 20], Battery, exportAllowed: true, gridChargeHour: gridCharge);

        // Hour 0: 20 to EVs, 30 into storage (SoC 50 → 77), 50 exported (= the connection limit).
        Assert.Equal([20, 0, 0, 0], s.RenewableToEvKwh);
        Assert.Equal(30, s.RenewableToStorageKwh[0], 12);
        Assert.Equal(50, s.ExportKwh[0], 12);
        Assert.Equal(77, s.StorageSocKwh[0], 12);
        // Hour 1: storage gives its power limit 30 (SoC 77 → 39.5), grid the other 30.
        Assert.Equal(30, s.StorageToEvKwh[1], 12);
        Assert.Equal(30, s.GridToEvKwh[1], 12);
        Assert.Equal(39.5, s.StorageSocKwh[1], 12);
        // Hour 2: storage empties to its floor: (39.5 − 10) · 0.8 = 23.6; grid 20 (its limit); 56.4 unmet.
        Assert.Equal(23.6, s.StorageToEvKwh[2], 12);
        Assert.Equal(20, s.GridToEvKwh[2], 12);
        Assert.Equal(56.4, s.UnmetKwh[2], 12);
        Assert.Equal(10, s.StorageSocKwh[2], 12);
        // Hour 3: 10 from renewables, then the grid fills the remaining power (30 − 10 = 20): SoC 10 + 9 + 18 = 37.
        Assert.Equal(10, s.RenewableToStorageKwh[3], 12);
        Assert.Equal(20, s.GridToStorageKwh[3], 12);
        Assert.Equal(37, s.StorageSocKwh[3], 12);
        Assert.Equal([3, 7.5, 5.9, 3], s.StorageLossKwh.Select(x => Math.Round(x, 10)));
        Assert.True(s.MaxBalanceResidual(Battery.InitialKwh) < 1e-12);
    }

    [Fact]
    public void Original_rules_refill_storage_from_the_grid_in_the_hour_it_discharged()
    {
        var original = new StorageSpec(100, 30, 0.85, 1, 0, 1, 0);
        var window = Enumerable.Range(0, 24).Select(h => h < 4).ToArray();
        var s = Dispatch.Run([0, 0], [40, 40], [100, 100], original, gridChargeHour: window, asOriginal: true);
        Assert.Equal(40, s.GridToEvKwh[0], 12);
        Assert.Equal(30, s.GridToStorageKwh[0], 12);
        Assert.Equal(25.5, s.StorageToEvKwh[1], 12);
        Assert.Equal(14.5, s.GridToEvKwh[1], 12);
        Assert.Equal(30, s.GridToStorageKwh[1], 12); // the same hour storage discharged
        Assert.Equal(25.5, s.StorageSocKwh[1], 12);

        var corrected = Dispatch.Run([0, 0], [40, 40], [100, 100], original, gridChargeHour: window, asOriginal: false);
        Assert.Equal(0, corrected.GridToStorageKwh[1]);
    }

    [Fact]
    public void Without_storage_surplus_is_curtailed_or_exported_and_shortfall_is_grid_then_unmet()
    {
        var none = new StorageSpec(0, 0, 1, 1, 0, 1, 0);
        var s = Dispatch.Run([50, 0], [10, 80], [5, 60], none, exportAllowed: false);
        Assert.Equal(40, s.CurtailedKwh[0]);
        Assert.Equal(60, s.GridToEvKwh[1]);
        Assert.Equal(20, s.UnmetKwh[1]);
        var e = Dispatch.Run([50, 0], [10, 80], [5, 60], none, exportAllowed: true);
        Assert.Equal(5, e.ExportKwh[0]);
        Assert.Equal(35, e.CurtailedKwh[0]);
    }

    [Fact]
    public void Negative_or_mismatched_inputs_are_rejected()
    {
        var none = new StorageSpec(0, 0, 1, 1, 0, 1, 0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Dispatch.Run([1, -1], [0, 0], [1, 1], none));
        Assert.Contains("Hour 1", ex.Message);
        Assert.Throws<ArgumentException>(() => Dispatch.Run([1], [0, 0], [1], none));
    }
}

public class BalanceCheckTests
{
    [Fact]
    public void A_series_that_does_not_balance_is_reported_with_its_hour()
    {
        var none = new StorageSpec(0, 0, 1, 1, 0, 1, 0);
        var s = Dispatch.Run([10, 0], [5, 5], [10, 10], none);
        s.AssertBalanced(0);
        s.CurtailedKwh[0] += 1; // tamper: one kWh appears from nowhere
        var ex = Assert.Throws<InvalidOperationException>(() => s.AssertBalanced(0));
        Assert.Contains("hour 0 (2025-01-01 00:00)", ex.Message);
    }
}
