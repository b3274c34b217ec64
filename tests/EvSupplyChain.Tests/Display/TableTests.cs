using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

public class TableTests
{
    private sealed record Row(string Material, double Demand, int Year);

    private sealed record Supply(string Source, string Country, double Tonnes, double Share, decimal Price, int? Plants);

    /// <summary>A table exercising renaming, column order, formats, totals and characters each format must escape.</summary>
    private static Table Sample() =>
        Table.From(
            [
                new Supply("Mine <A> & co", "Chile, north", 1234567.891, 0.4567, 12.5m, 3),
                new Supply("Recycling | \"urban\"", "US", 0.25, 0.5433, 1000m, null),
            ], "Lithium supply 2035")
            .Select("Country", "Source", "Tonnes", "Share", "Price", "Plants")
            .Rename("Tonnes", "Mass (t)")
            .WithFormat("N2", "Mass (t)")
            .WithFormat("P1", "Share")
            .WithFormat("N0", "Price")
            .WithTotals("Total", "Mass (t)", "Share", "Plants");

    [Fact]
    public void One_column_per_public_property_in_declaration_order()
    {
        var t = Table.From([new Row("Li", 1234.5, 2035)]);
        Assert.Equal(["Material", "Demand", "Year"], t.Columns.Select(c => c.Name));
        Assert.Equal(1234.5, t[0, "Demand"]);
    }

    [Fact]
    public void Html_matches_the_approved_file() => Golden.Verify("table.html", Sample().ToHtml());

    [Fact]
    public void Markdown_matches_the_approved_file() => Golden.Verify("table.md", Sample().ToMarkdown());

    [Fact]
    public void Csv_matches_the_approved_file() => Golden.Verify("table.csv", Sample().ToCsv());

    [Fact]
    public void Text_matches_the_approved_file() => Golden.Verify("table.txt", Sample().ToText());

    [Fact]
    public void Totals_sum_the_chosen_columns_and_label_the_first_text_column()
    {
        var totals = Sample().Totals!;
        Assert.Equal(["Total", null, 1234567.891 + 0.25, 1.0, null, 3.0], totals);
    }

    [Fact]
    public void Totals_default_to_every_numeric_column()
    {
        var t = Table.From([new Row("Li", 1, 2030), new Row("Co", 2, 2035)]).WithTotals();
        Assert.Equal(["Total", 3.0, 4065.0], t.Totals!);
    }

    [Fact]
    public void Scalars_make_a_single_value_column()
    {
        var t = Table.From(new[] { 1.5, 2.5 });
        Assert.Equal("Value", t.Columns.Single().Name);
        Assert.Equal([1.5, 2.5], t.Numbers("Value"));
    }

    [Fact]
    public void Default_number_format_groups_thousands_and_keeps_six_significant_digits()
    {
        var col = new TableColumn("x", typeof(double));
        Assert.Equal("1,234,568", Table.FormatValue(1234567.891, col));
        Assert.Equal("0.333333", Table.FormatValue(1.0 / 3, col));
        Assert.Equal("", Table.FormatValue(double.NaN, col));
        Assert.Equal("", Table.FormatValue(null, col));
    }

    [Fact]
    public void Unknown_column_names_the_columns_there_are()
    {
        var e = Assert.Throws<ArgumentException>(() => Table.From([new Row("Li", 1, 2030)]).Select("Mass"));
        Assert.Contains("No column 'Mass'. Columns: Material, Demand, Year.", e.Message);
    }

    [Fact]
    public void Create_rejects_rows_of_the_wrong_width()
    {
        var e = Assert.Throws<ArgumentException>(() => Table.Create([new TableColumn("a", typeof(int))], [new object?[] { 1, 2 }]));
        Assert.Contains("Row 0 has 2 values but the table has 1 columns", e.Message);
    }

    [Fact]
    public void Csv_keeps_full_precision_whatever_the_display_format()
    {
        var csv = Table.From([new Row("Li", 0.1 + 0.2, 2035)]).WithNumberFormat("N0").ToCsv();
        Assert.Equal("Material,Demand,Year\nLi,0.30000000000000004,2035\n", csv);
    }

    [Fact]
    public void Table_renders_through_the_formatter_source_as_html_and_text()
    {
        var t = Sample();
        var formatters = new DisplayFormatterSource().CreateTypeFormatters().Cast<ConventionFormatter>().Where(f => f.Type.IsInstanceOfType(t) || f.Type == typeof(Figure));
        var rendered = formatters.ToDictionary(f => f.MimeType, f => { var w = new StringWriter(); return f.Format(t, w) ? w.ToString() : null; });
        Assert.Equal(t.ToHtml(), rendered["text/html"]);
        Assert.Equal(t.ToText(), rendered["text/plain"]);
        Assert.Null(rendered[Figure.PlotlyMimeType]);
    }
}
