using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>The 2035 gap table and each step against the original's outputs.</summary>
public class GapTableTests
{
    private static readonly Lazy<GapResult> Result = new(() => GapAnalysis.Run(Golden.Inputs));

    [Fact]
    public void Gap_table_2035_matches_the_original_in_every_cell()
    {
        var expected = Golden.Read("gaps_2035.csv", "material", "quantity", "t_per_year");
        var rows = Result.Value.Rows;
        Assert.Equal(GapRow.Labels.Skip(1), expected.Items);
        Assert.Equal(expected.Keys, rows.Select(r => r.Material).ToArray());
        Assert.Equal(28 * 10, expected.Values.Count);
        foreach (var row in rows)
        {
            var values = row.Values();
            for (var c = 0; c < values.Length; c++)
                Golden.Close(expected[row.Material, expected.Items[c]], values[c], $"{row.Material} / {expected.Items[c]}");
        }
    }

    [Fact]
    public void Supply_before_allocation_matches_the_original()
    {
        var expected = Golden.Read("supply_before_allocation_2035.csv", "material", "source", "t_per_year");
        var rows = Result.Value.SupplyBeforeAllocation;
        string[] sources = ["Demand", "US_mature", "US_unmature", "CaMex_mature", "CaMex_unmature", "FTA", "FEOC", "nonFTA", "US recycling", "Non-US recycling", "Gap"];
        Assert.Equal(sources, expected.Items);
        Assert.Equal(expected.Keys, rows.Select(r => r.Material).ToArray());
        Assert.Equal(34 * 11, expected.Values.Count);
        foreach (var r in rows)
        {
            double[] values = [r.Demand, r.UsMature, r.UsEarlyStage, r.CanadaMexicoMature, r.CanadaMexicoEarlyStage, r.OtherFta, r.Feoc,
                r.OtherNonFta, r.UsRecycling, r.NonUsRecycling, r.Gap];
            for (var c = 0; c < values.Length; c++)
                Golden.Close(expected[r.Material, sources[c]], values[c], $"{r.Material} / {sources[c]}");
        }
    }

    [Fact]
    public void Demand_and_recycling_columns_match_the_original()
    {
        var expected = Golden.Read("demand_and_us_recycling_2035.csv", "material", "quantity", "t_per_year");
        var result = Result.Value;
        Assert.Equal(34, expected.Keys.Length);
        foreach (var d in result.Demand.For(2035))
        {
            Golden.Close(expected[d.Material, "Demand"], d.Tonnes, $"demand of {d.Material}");
            var recycled = expected[d.Material, "US recycling"];
            Golden.Close(double.IsNaN(recycled) ? 0 : recycled, result.Recycling.SupplyOf(d.Material, 2035), $"US recycling of {d.Material}");
        }
    }

    [Fact]
    public void Weibull_parameters_match_to_1e_12()
    {
        var expected = Golden.Read("weibull_fit.csv", "chemistry_group", "parameter", "value");
        var lifetimes = Result.Value.Recycling.Lifetimes;
        foreach (var k in Catalog.Chemistries)
        {
            var key = k.StartsWith("NMC", StringComparison.Ordinal) ? "NMC*" : k;
            Golden.Close(expected[key, "shape"], lifetimes[k].Alpha, $"{k} alpha", 1e-12);
            Golden.Close(expected[key, "scale_years"], lifetimes[k].Beta, $"{k} beta", 1e-12);
            Assert.Equal(expected[key, "min_years"], lifetimes[k].Min);
        }
    }

    [Theory]
    [InlineData("retirements_by_chemistry.csv", "retired_t")]
    [InlineData("eol_available_by_chemistry.csv", "available_t")]
    [InlineData("recycled_by_chemistry.csv", "recycled_t")]
    public void Retirements_and_recycled_mass_match_every_year(string file, string valueColumn)
    {
        var expected = Golden.Read(file, "year", "chemistry", valueColumn);
        var recycling = Result.Value.Recycling;
        var eol = recycling.EndOfLife().ToDictionary(r => (r.Year, r.Chemistry));
        Assert.Equal(Catalog.Chemistries.Order(StringComparer.Ordinal), expected.Items.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Keys.Length * expected.Items.Length, expected.Values.Count);
        foreach (var key in expected.Keys)
        {
            var year = int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var k in expected.Items)
            {
                var actual = valueColumn switch
                {
                    "retired_t" => recycling.Retirements(k)[year - recycling.RetirementYears[0]],
                    "available_t" => eol[(year, k)].Available,
                    _ => eol[(year, k)].Recycled,
                };
                Golden.Close(expected[key, k], actual, $"{file} {year} {k}");
            }
        }
        if (valueColumn == "retired_t") Assert.Equal(expected.Keys.Length, recycling.RetirementYears.Count);
    }

    [Fact]
    public void Recycled_mass_2035_is_below_the_capacity()
    {
        var y2035 = Result.Value.Recycling.ByYear().Single(r => r.Year == 2035);
        Assert.Equal(437_853, Math.Round(y2035.Recycled));
        Assert.Equal(608_443, y2035.Capacity);
        Assert.False(y2035.CapacityBinds);
    }
}
