using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

public class TableTests
{
    private sealed record Row(string Material, double Demand, int Year);

    [Fact]
    public void One_column_per_public_property_in_declaration_order()
    {
        var t = Table.From([new Row("Li", 1234.5, 2035)]);
        Assert.Equal(["Material", "Demand", "Year"], t.Columns.Select(c => c.Name));
        Assert.Equal(1234.5, t[0, "Demand"]);
    }
}
