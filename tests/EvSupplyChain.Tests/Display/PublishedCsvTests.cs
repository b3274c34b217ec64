using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

public class PublishedCsvTests
{
    private const string Header = "quantity,source,value,unit,tolerance,tolerance_kind,note\n";

    private static PublishedCsv Parse(string text) => PublishedCsv.Parse(new StringReader(text), "published.csv");

    [Fact]
    public void Reads_one_entry_per_quantity_with_exact_values()
    {
        var csv = Parse(Header +
            "US lithium gap 2035,\"Lu et al., Table 2\",437853.25,t,1e-9,relative,\n" +
            "NMC-Li leaving China,\"Cheng et al. 2024, p. 9\",0.68,%,2,percentage_points,what-if in the text\n");
        Assert.Equal(2, csv.Count);
        var gap = csv["US lithium gap 2035"];
        Assert.Equal(("Lu et al., Table 2", 437853.25, "t", 1e-9, ToleranceKind.Relative, 2), (gap.Source, gap.Value, gap.Unit, gap.Tolerance, gap.Kind, gap.Line));
        Assert.Equal("what-if in the text", csv[1].Note);
        Assert.True(csv.Compare("US lithium gap 2035", 437853.25).Within);
        Assert.False(csv.Compare("NMC-Li leaving China", 0.654).Within);
    }

    [Fact]
    public void The_note_column_is_optional() =>
        Assert.Equal("", Parse("quantity,source,value,unit,tolerance,tolerance_kind\nq,s,1,t,0,absolute\n")["q"].Note);

    [Theory]
    [InlineData("q,s,1,t,0,relative\nq,s,2,t,0,relative\n", "line 3, column 'quantity': duplicate key (q) first seen on line 2")]
    [InlineData("q,s,abc,t,0,relative\n", "line 2, column 'value': 'abc' is not a number")]
    [InlineData("q,s,1,t,-1,relative\n", "line 2, column 'tolerance': -1 is outside the allowed range")]
    [InlineData("q,s,1,t,1,fuzzy\n", "line 2, column 'tolerance_kind': 'fuzzy' is not one of: relative, absolute, percentage_points")]
    [InlineData("q,s,68,%,1,percentage_points\n", "line 2, column 'value': 68 is outside the allowed range [-1, 1]")]
    [InlineData(",s,1,t,1,relative\n", "line 2, column 'quantity': a value is required")]
    [InlineData("q,,1,t,1,relative\n", "line 2, column 'source': a value is required")]
    public void Bad_rows_name_the_file_line_and_column(string rows, string message)
    {
        var e = Assert.Throws<DataValidationException>(() => Parse(Header + rows));
        Assert.StartsWith("published.csv, ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var e = Assert.Throws<DataValidationException>(() => Parse("quantity,source,value,unit,tolerance\nq,s,1,t,0\n"));
        Assert.Contains("line 1, column 'tolerance_kind': required column missing", e.Message);
    }

    [Fact]
    public void An_empty_file_and_an_unknown_quantity_are_errors()
    {
        Assert.Contains("no published values", Assert.Throws<DataValidationException>(() => Parse(Header)).Message);
        var e = Assert.Throws<DataValidationException>(() => Parse(Header + "a,s,1,t,0,absolute\n")["b"]);
        Assert.Contains("no published value 'b' (found: a)", e.Message);
    }

    [Fact]
    public void Load_reports_a_missing_file()
    {
        var e = Assert.Throws<DataValidationException>(() => PublishedCsv.Load("/no/such/published.csv"));
        Assert.Contains("the file does not exist", e.Message);
    }
}
