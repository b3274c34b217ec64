using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

public class PublishedComparisonTests
{
    [Theory]
    [InlineData(100.0, 100.000001, 1e-9, ToleranceKind.Relative, false)]
    [InlineData(100.0, 100.00000001, 1e-9, ToleranceKind.Relative, true)]
    [InlineData(0.0, 1e-10, 1e-9, ToleranceKind.Relative, true)]
    [InlineData(10.0, 10.6, 0.5, ToleranceKind.Absolute, false)]
    [InlineData(10.0, 9.6, 0.5, ToleranceKind.Absolute, true)]
    [InlineData(0.68, 0.657, 3.0, ToleranceKind.PercentagePoints, true)]
    [InlineData(0.68, 0.654, 2.0, ToleranceKind.PercentagePoints, false)]
    [InlineData(1.0, double.NaN, 1.0, ToleranceKind.Absolute, false)]
    public void Within_measures_the_tolerance_as_its_kind_says(double published, double reproduced, double tolerance, ToleranceKind kind, bool within) =>
        Assert.Equal(within, new PublishedValue("q", "s", published, reproduced, tolerance, kind, "t").Within);

    [Fact]
    public void Table_has_the_seven_columns_and_formats_each_row_in_its_unit()
    {
        var t = PublishedComparison.Table(
            [
                new PublishedValue("US lithium gap 2035", "Lu et al., Table 2", 437853, 437853.0000001, 1e-9, ToleranceKind.Relative, "t"),
                new PublishedValue("NMC-Li leaving China", "Cheng et al. 2024, p. 9", 0.68, 0.654, 2, ToleranceKind.PercentagePoints, "",
                    "the project splits cathode trade by bloc"),
                new PublishedValue("China LFP-Li index", "Cheng et al. 2024, Fig 5", 0.916, 0.9160004, 0.0005, ToleranceKind.Absolute, ""),
            ], "Published vs reproduced");
        Assert.Equal(["Quantity", "Source", "Published", "Reproduced", "Difference", "Tolerance", "Status"], t.Columns.Select(c => c.Name));
        Assert.Equal("Published vs reproduced", t.Title);
        Assert.Equal(["US lithium gap 2035", "Lu et al., Table 2", "437,853 t", "437,853 t", "0 t", "±1E-9 (relative)", "✓ within"], t.Rows[0]);
        Assert.Equal(["NMC-Li leaving China", "Cheng et al. 2024, p. 9", "68.00 %", "65.40 %", "−2.60 pp", "±2 pp",
            "✗ outside: the project splits cathode trade by bloc"], t.Rows[1]);
        Assert.Equal(["0.9160", "0.9160", "0.0000", "±0.0005", "✓ within"], t.Rows[2].Skip(2));
    }

    [Fact]
    public void Outside_without_a_reason_says_so() =>
        Assert.Equal("✗ outside", new PublishedValue("q", "s", 1, 2, 0.1, ToleranceKind.Relative, "t").Status);

    [Fact]
    public void Relative_tolerances_of_a_percent_or_more_read_as_percent()
    {
        var t = PublishedComparison.Table([new PublishedValue("q", "s", 2.5, 2.4, 0.05, ToleranceKind.Relative, "Mt")]);
        Assert.Equal(["2.500 Mt", "2.400 Mt", "−0.100 Mt", "±5 % (relative)", "✓ within"], t.Rows[0].Skip(2));
    }

    [Theory]
    [InlineData(437853.0, 0)]
    [InlineData(68.0, 2)]
    [InlineData(0.0123, 5)]
    [InlineData(0.9160, 4)]
    [InlineData(12.345678912, 6)]
    public void Decimals_show_four_significant_digits_or_the_published_decimals(double published, int decimals) =>
        Assert.Equal(decimals, PublishedComparison.Decimals(published));
}
