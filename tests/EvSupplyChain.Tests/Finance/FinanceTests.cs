using EvSupplyChain.Models.Finance;

namespace EvSupplyChain.Tests.Finance;

public class FinanceTests
{
    private static void Close(double expected, double actual, double rel = 1e-12) => Closeness.Assert(expected, actual, rel, floor: 1);

    [Fact]
    public void Npv_of_textbook_flows_matches_hand_calculation()
    {
        // −100 + 60/1.1 + 60/1.21 = 5/1.21
        Close(5 / 1.21, Money.Npv(0.10, [-100, 60, 60]));
        Close(20, Money.Npv(0, [-100, 60, 60]));
    }

    [Fact]
    public void Irr_of_minus100_60_60_is_13_07_percent()
    {
        // 60x + 60x² = 100 with x = 1/(1+r): x = (√27600 − 60)/120.
        var exact = 120 / (Math.Sqrt(27600) - 60) - 1;
        var irr = Irr.Find([-100, 60, 60]);
        Assert.NotNull(irr.Rate);
        Close(exact, irr.Rate!.Value, 1e-10);
        Assert.Equal(0.1307, Math.Round(irr.Rate.Value, 4));
        Assert.Null(irr.Message);
        Assert.False(irr.HasMultipleRoots);
        Assert.Equal(1, irr.SignChanges);
    }

    [Theory]
    [InlineData(new[] { -100.0, 110 }, 0.10)]
    [InlineData(new[] { -1000.0, 0, 0, 1331 }, 0.10)]
    [InlineData(new[] { -100.0, 50 }, -0.50)]
    [InlineData(new[] { 100.0, -120 }, 0.20)]
    public void Irr_of_simple_flows(double[] flows, double expected)
    {
        var irr = Irr.Find(flows);
        Close(expected, irr.Rate!.Value, 1e-10);
        Assert.True(Math.Abs(Money.Npv(irr.Rate.Value, flows)) < 1e-8);
    }

    [Theory]
    [InlineData(new[] { 100.0, 50, 25 })]
    [InlineData(new[] { -100.0, -50, 0 })]
    [InlineData(new[] { 0.0, 0 })]
    public void Irr_without_a_sign_change_is_absent_and_says_why(double[] flows)
    {
        var irr = Irr.Find(flows);
        Assert.Null(irr.Rate);
        Assert.Empty(irr.Roots);
        Assert.Equal(0, irr.SignChanges);
        Assert.Contains("never change sign", irr.Message);
    }

    [Fact]
    public void Irr_with_two_roots_returns_both_and_warns()
    {
        // −100(1+r)² + 230(1+r) − 132 = 0 → 1+r ∈ {1.1, 1.2}
        var irr = Irr.Find([-100, 230, -132]);
        Assert.True(irr.HasMultipleRoots);
        Assert.Equal(2, irr.Roots.Count);
        Close(0.10, irr.Roots[0], 1e-10);
        Close(0.20, irr.Roots[1], 1e-10);
        Close(0.10, irr.Rate!.Value, 1e-10);
        Assert.Equal(2, irr.SignChanges);
        Assert.StartsWith("Warning: 2 rates", irr.Message);
    }

    [Fact]
    public void Irr_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Irr.Find([-1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Irr.Find([-1, 2], lowerRate: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Irr.Find([-1, 2], lowerRate: 0.5, upperRate: 0.1));
    }

    [Fact]
    public void Irr_beyond_the_search_range_is_absent_with_a_reason()
    {
        var irr = Irr.Find([-1, 100]); // IRR = 9900 %
        Assert.Null(irr.Rate);
        Assert.Contains("does not change sign there", irr.Message);
    }

    [Fact]
    public void Simple_and_discounted_payback_interpolate_within_the_year()
    {
        Close(1 + 40.0 / 60, Money.Payback(0, [-100, 60, 60])!.Value);
        // Discounted: cumulative after year 1 = −100 + 600/11; year 2 brings 6000/121.
        Close(1 + (500.0 / 11) / (6000.0 / 121), Money.Payback(0.10, [-100, 60, 60])!.Value);
        Assert.Null(Money.Payback(0.10, [-100, 10, 10]));
        Close(2, Money.Payback(0, [-100, 50, 50, 50])!.Value);
    }

    [Fact]
    public void Levelised_cost_of_a_two_year_case_by_hand()
    {
        // PV cost = 1000 + 110/1.1 + 121/1.21 = 1200; PV kWh = 1100/1.1 + 1210/1.21 = 2000.
        Close(0.6, Money.LevelisedCost(0.10, [1000, 110, 121], [0, 1100, 1210]));
        Assert.Throws<ArgumentException>(() => Money.LevelisedCost(0.10, [1, 1], [0, 0]));
    }

    [Fact]
    public void Roi_and_annuity_factors()
    {
        Close(0.5, Money.Roi(150, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Roi(1, 0));
        // (1 − 1.05^−10)/0.05
        Close((1 - Math.Pow(1.05, -10)) / 0.05, Money.AnnuityFactor(0.05, 10));
        Close(7.721734929184818, Money.AnnuityFactor(0.05, 10), 1e-12);
        Close(10, Money.AnnuityFactor(0, 10));
        Close(1 / 7.721734929184818, Money.CapitalRecoveryFactor(0.05, 10), 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.CapitalRecoveryFactor(0.05, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.AnnuityFactor(-1, 5));
    }
}

/// <summary>Issue #19 item 3: the IRR does not depend on the scale of the cash flows, separates close roots, reports a
/// double root once, and NPV and IRR treat non-finite flows alike. Expected values are worked by hand in the comments.</summary>
public class IrrNumericsTests
{
    // −1000 + 300·Σ_{t=1..5} (1+r)^−t = 0, solved independently by exact rational bisection (80 halvings of [0, 1]).
    private const double FiveYearIrr = 0.15238237116630654;

    private static void Close(double expected, double actual, double rel) => Closeness.Assert(expected, actual, rel, floor: 1);

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-15)]
    [InlineData(1e15)]
    [InlineData(1e-300)]
    [InlineData(1e300)]
    public void The_irr_is_the_same_at_any_scale_of_the_cash_flows(double scale)
    {
        var flows = new[] { -1000.0, 300, 300, 300, 300, 300 }.Select(c => c * scale).ToArray();
        var irr = Irr.Find(flows);
        Close(FiveYearIrr, irr.Rate!.Value, 1e-12);
        Assert.Single(irr.Roots);
    }

    [Fact]
    public void Tiny_flows_that_double_give_100_percent()
    {
        // −1e-300 + 2e-300/(1+r) = 0 → r = 1.
        Close(1.0, Irr.Find([-1e-300, 2e-300]).Rate!.Value, 1e-14);
        // −M + M/(1+r) = 0 → r = 0, with M the largest double.
        Close(0.0, Irr.Find([-double.MaxValue, double.MaxValue]).Rate!.Value, 1e-14);
    }

    [Fact]
    public void Two_close_roots_are_both_found_with_the_warning()
    {
        // (1+r)²·NPV = (1+r)² − 2.105(1+r) + 1.10775 = (1+r − 1.05)(1+r − 1.055): roots 5 % and 5.5 %.
        var irr = Irr.Find([1, -2.105, 1.10775]);
        Assert.Equal(2, irr.Roots.Count);
        Close(0.05, irr.Roots[0], 1e-9);
        Close(0.055, irr.Roots[1], 1e-9);
        Assert.True(irr.HasMultipleRoots);
        Assert.StartsWith("Warning: 2 rates make NPV zero (5.00 %, 5.50 %)", irr.Message);
    }

    [Fact]
    public void Roots_a_hundredth_of_a_percent_apart_are_separated()
    {
        // (1+r − 1.0500)(1+r − 1.0501) = (1+r)² − 2.1001(1+r) + 1.10260500.
        var irr = Irr.Find([1, -2.1001, 1.102605]);
        Assert.Equal(2, irr.Roots.Count);
        Close(0.05, irr.Roots[0], 1e-8);
        Close(0.0501, irr.Roots[1], 1e-8);
    }

    [Fact]
    public void A_double_root_is_reported_once()
    {
        // (1+r)²·NPV = (1+r − 1.1)²: NPV touches zero at 10 % without crossing.
        var irr = Irr.Find([1, -2.2, 1.21]);
        Assert.Single(irr.Roots);
        Close(0.10, irr.Rate!.Value, 1e-7);
        Assert.False(irr.HasMultipleRoots);
        Assert.Null(irr.Message);
    }

    [Fact]
    public void A_double_root_next_to_a_simple_one_gives_two_rates()
    {
        // (1+r)³·NPV = (1+r − 1.1)²(1+r − 1.3) = (1+r)³ − 3.5(1+r)² + 4.07(1+r) − 1.573: rates 10 % (double) and 30 %.
        var irr = Irr.Find([1, -3.5, 4.07, -1.573]);
        Assert.Equal(2, irr.Roots.Count);
        Close(0.10, irr.Roots[0], 1e-7);
        Close(0.30, irr.Roots[1], 1e-9);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Npv_and_irr_both_reject_a_non_finite_cash_flow(double bad)
    {
        double[] flows = [-100, 60, bad];
        var npv = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Npv(0.05, flows));
        var irr = Assert.Throws<ArgumentOutOfRangeException>(() => Irr.Find(flows));
        Assert.StartsWith("Cash flow of year 2 is not a finite number.", npv.Message);
        Assert.StartsWith("Cash flow of year 2 is not a finite number.", irr.Message);
    }

    [Fact]
    public void Npv_too_large_for_a_double_is_an_error_not_infinity()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Npv(0, [double.MaxValue, double.MaxValue]));
        Assert.Contains("exceeds the range of a double", e.Message);
    }
}

public class IrrLongSeriesTests
{
    [Fact]
    public void Irr_of_a_long_series_survives_overflow_near_minus_100_percent()
    {
        // A perpetuity-like series: −100 then 10 a year for 300 years; NPV at −99 % overflows, the IRR is just above 10 %.
        var flows = new[] { -100.0 }.Concat(Enumerable.Repeat(10.0, 300)).ToArray();
        var irr = Irr.Find(flows);
        Assert.NotNull(irr.Rate);
        Assert.True(Math.Abs(Money.Npv(irr.Rate!.Value, flows)) < 1e-8);
        Assert.InRange(irr.Rate.Value, 0.0999, 0.1001);
    }
}
