using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>Demand and recycling supply of every year (not only 2035) against the original's yearly frames.</summary>
public class YearlySeriesTests
{
    private static readonly Lazy<GapResult> Result = new(() => GapAnalysis.Run(Golden.Inputs));

    private static string RowOf(string key) => key switch
    {
        "bauxite" => "Bauxite",
        "lib_electrolyte" => "LIB electrolyte",
        "sib_aam" => "SIB AAM",
        "sib_electrolyte" => "SIB electrolyte",
        "graphite_aam" => "Graphite AAM",
        "silicon_aam" => "Silicon AAM",
        _ => char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' '),
    };

    [Fact]
    public void Demand_of_every_material_and_year_matches()
    {
        var data = CsvData.Load(TestPaths.TestData("UsSupplyChain", "demand_by_material_year.csv"));
        var demand = Result.Value.Demand;
        var checkedCells = 0;
        foreach (var row in data.Rows)
        {
            var key = row.Text("material");
            var year = row.Int("year");
            var expected = row.Double("demand_t");
            var actual = key switch
            {
                "cam" => Catalog.Chemistries.Sum(k => Value(demand, $"{k} CAM", year)),
                "cell" => Catalog.Chemistries.Sum(k => Value(demand, $"{k} cell", year)),
                _ => Value(demand, RowOf(key), year),
            };
            Golden.Close(expected, actual, $"{key} {year}");
            checkedCells++;
        }
        Assert.Equal(530, checkedCells);
    }

    [Fact]
    public void Recycling_supply_of_every_year_matches()
    {
        var expected = Golden.Read("recycling_supply_by_year.csv", "year", "material", "recovered_t");
        var recycling = Result.Value.Recycling;
        var columns = expected.Items.Where(h => Catalog.Rows.Contains(h)).ToArray();
        Assert.True(columns.Length >= 25, string.Join(", ", columns));
        Assert.Equal(26, expected.Keys.Length);
        foreach (var key in expected.Keys)
        {
            var year = int.Parse(key, CultureInfo.InvariantCulture);
            foreach (var column in columns)
                Golden.Close(expected[key, column], recycling.SupplyOf(column, year), $"{column} {year}");
        }
    }

    private static double Value(MaterialDemand demand, string row, int year) => demand.Series(row).Single(r => r.Year == year).Tonnes;
}
