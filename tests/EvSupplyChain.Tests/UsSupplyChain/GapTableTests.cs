using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>The 2035 gap table and each step against the original's outputs.</summary>
public class GapTableTests
{
    private static readonly Lazy<GapResult> Result = new(() => GapAnalysis.Run(Golden.Inputs));

    [Fact]
    public void Gap_table_2035_matches_the_original_in_every_cell()
    {
        var (header, expected, keys) = Golden.Read("gap_table_2035.csv");
        var rows = Result.Value.Rows;
        Assert.Equal(GapRow.Labels, header);
        Assert.Equal(keys, rows.Select(r => r.Material).ToArray());
        foreach (var row in rows)
        {
            var values = row.Values();
            for (var c = 0; c < values.Length; c++)
                Golden.Close(expected[row.Material][c], values[c], $"{row.Material} / {header[c + 1]}");
        }
    }

    [Fact]
    public void Supply_before_allocation_matches_the_original()
    {
        var (header, expected, keys) = Golden.Read("core_supply_before_tier_allocation_2035.csv");
        var rows = Result.Value.SupplyBeforeAllocation;
        Assert.Equal(keys, rows.Select(r => r.Material).ToArray());
        foreach (var r in rows)
        {
            double[] values = [r.Demand, r.UsMature, r.UsEarlyStage, r.CanadaMexicoMature, r.CanadaMexicoEarlyStage, r.OtherFta, r.Feoc,
                r.OtherNonFta, r.UsRecycling, r.NonUsRecycling, r.Gap];
            for (var c = 0; c < values.Length; c++)
                Golden.Close(expected[r.Material][c], values[c], $"{r.Material} / {header[c + 1]}");
        }
    }

    [Fact]
    public void Demand_and_recycling_columns_match_the_original()
    {
        var (_, expected, _) = Golden.Read("result_demand_recycling_2035.csv");
        var result = Result.Value;
        foreach (var d in result.Demand.For(2035))
        {
            Golden.Close(expected[d.Material][0], d.Tonnes, $"demand of {d.Material}");
            var recycled = expected[d.Material][6];
            Golden.Close(double.IsNaN(recycled) ? 0 : recycled, result.Recycling.SupplyOf(d.Material, 2035), $"US recycling of {d.Material}");
        }
    }

    [Fact]
    public void Weibull_parameters_match_to_1e_12()
    {
        var (_, expected, _) = Golden.Read("weibull_params.csv");
        var lifetimes = Result.Value.Recycling.Lifetimes;
        foreach (var k in Catalog.Chemistries)
        {
            var key = k.StartsWith("NMC", StringComparison.Ordinal) ? "NMC*" : k;
            Golden.Close(expected[key][1], lifetimes[k].Alpha, $"{k} alpha", 1e-12);
            Golden.Close(expected[key][2], lifetimes[k].Beta, $"{k} beta", 1e-12);
            Assert.Equal(expected[key][0], lifetimes[k].Min);
        }
    }

    [Theory]
    [InlineData("eol_battery.csv")]
    [InlineData("available_eol_df.csv")]
    [InlineData("recycled_df.csv")]
    public void Retirements_and_recycled_mass_match_every_year(string file)
    {
        var (header, expected, keys) = Golden.Read(file);
        var recycling = Result.Value.Recycling;
        var eol = recycling.EndOfLife().ToDictionary(r => (r.Year, r.Chemistry));
        foreach (var key in keys)
        {
            var year = int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
            for (var c = 1; c < header.Length; c++)
            {
                var k = header[c];
                var actual = file switch
                {
                    "eol_battery.csv" => recycling.Retirements(k)[year - recycling.RetirementYears[0]],
                    "available_eol_df.csv" => eol[(year, k)].Available,
                    _ => eol[(year, k)].Recycled,
                };
                Golden.Close(expected[key][c - 1], actual, $"{file} {year} {k}");
            }
        }
        if (file == "eol_battery.csv") Assert.Equal(keys.Length, recycling.RetirementYears.Count);
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
