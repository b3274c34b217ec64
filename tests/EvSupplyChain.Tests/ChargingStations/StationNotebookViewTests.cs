using EvSupplyChain.Models.ChargingStations;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.ChargingStations;

/// <summary>What notebook 07 shows: textbook values, word headers with units, tables narrow enough to split.</summary>
public class StationNotebookViewTests
{
    private static readonly Lazy<StationData> Data = new(() => StationData.Load(TestPaths.Data));

    [Fact]
    public void Textbook_table_shows_the_textbook_irrs_and_npvs()
    {
        var t = StationTables.Textbook([[-100.0, 60, 60], [-100.0, 230, -132], [100.0, 50]]);
        Assert.Equal(0.1307, (double)t[0, "IRR (%)"]!, 4);
        Assert.Equal(2, t[1, "Rates with NPV = 0"]);
        Assert.Null(t[2, "IRR (%)"]);
        Assert.Equal(-100 + 60 / 1.1 + 60 / 1.21, (double)t[0, "NPV at 10 % (USD)"]!, 12);
        Assert.Contains("10.00 %, 20.00 %", (string)t[1, "Note"]!);
    }

    [Fact]
    public void Tables_have_word_headers_with_units()
    {
        var rural = StationModel.Evaluate(Data.Value.Site("rural"));
        var bars = StationAnalysis.Tornado(rural.Parameters, Data.Value.Drivers);
        Table[] tables =
        [
            StationTables.Kpis([rural.Kpis]), StationTables.CashFlows(rural), StationTables.Tornado("rural", rural.Kpis.Npv, bars),
            StationTables.MonteCarlo([StationAnalysis.MonteCarlo(rural.Parameters, Data.Value.Drivers, 50).Summary]),
            StationTables.Gaps([StationAnalysis.Gap(rural.Parameters)]), StationTables.BreakEvens([StationAnalysis.BreakEvens(rural.Parameters)]),
            StationTables.Policies("rural", StationAnalysis.ComparePolicies(rural.Parameters, Data.Value.Policies)),
        ];
        foreach (var t in tables)
            Assert.All(t.Columns, c => Assert.DoesNotMatch("_|[a-z][A-Z][a-z]{2}|^Npv|^Irr|Kwh|P\\(", c.Name));
        Assert.All(StationTables.CashFlows(rural).SplitColumns(7, "Year"), part => Assert.True(part.Columns.Count <= 7));
    }

    [Fact]
    public void Cash_flow_dataframe_filters_the_negative_years()
    {
        var rural = StationModel.Evaluate(Data.Value.Site("rural"));
        var years = StationTables.CashFlows(rural).ToDataFrame();
        var negative = years.Filter(years["Net cash flow (USD)"].ElementwiseLessThan(0.0)).OrderBy("Net cash flow (USD)");
        Assert.Equal(rural.Years.Count(y => y.NetCashFlow < 0), (int)negative.Rows.Count);
        Assert.Equal(rural.Years.Min(y => y.NetCashFlow), (double)negative["Net cash flow (USD)"][0]!);
    }

    [Fact]
    public void Tornado_figure_keeps_its_driver_labels_inside_the_figure()
    {
        var urban = StationModel.Evaluate(Data.Value.Site("urban"));
        var fig = Figures.Tornado("t", urban.Kpis.Npv, StationAnalysis.Tornado(urban.Parameters, Data.Value.Drivers), "NPV (USD)", "Driver");
        Assert.Empty(fig.Problems());
        Assert.Contains("\"automargin\":true", fig.ToJson());
    }
}
