using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

/// <summary>Tables a reader can read: word headers, ✓/✗, no rounding noise, one format per column, folding,
/// transposing and no raw object dumps (issue #14, item 3).</summary>
public class TableReadabilityTests
{
    private sealed record Check(string Quantity, bool Within, double Gap);

    private sealed record Station(string Site, double NpvAt10PctUsd, double UnpaidGridCostUsd, bool Viable, int Year, double[] Hourly);

    private sealed record Wide(string Material, double Y2025, double Y2030, double Y2035);

    [Fact]
    public void Booleans_show_as_ticks_and_crosses()
    {
        var html = Table.From([new Check("Li", true, 1), new Check("Co", false, 2)]).ToHtml();
        Assert.Contains(">✓<", html);
        Assert.Contains(">✗<", html);
        Assert.DoesNotContain("True", html);
    }

    [Fact]
    public void Rounding_noise_and_negative_zero_show_as_zero()
    {
        var html = Table.From([new Check("a", true, 1.7e-16), new Check("b", true, -0.0), new Check("c", true, 10788.25)]).ToHtml();
        Assert.DoesNotContain("E-", html);
        Assert.DoesNotContain("-0", html);
        Assert.Contains(">0<", html);
        Assert.Equal("0", ColumnFormat.NoNegativeZero("-0"));
        Assert.Equal("0.00 %", ColumnFormat.NoNegativeZero("-0.00 %"));
        Assert.Equal("-0.01", ColumnFormat.NoNegativeZero("-0.01"));
    }

    [Theory]
    [InlineData(new[] { 10788.0, 437853.0 }, "N0")]
    [InlineData(new[] { 10788.0, 0.5 }, "N0")]
    [InlineData(new[] { 44.0, 37.07 }, "N2")]
    [InlineData(new[] { 0.9, 0.0123 }, "N4")]
    [InlineData(new[] { 2025.0, 2035.0 }, "0")]
    [InlineData(new[] { 3e-6, 1e-5 }, "0.###E+0")]
    public void One_number_format_per_column_chosen_from_its_data(double[] values, string format) =>
        Assert.Equal(format, ColumnFormat.For(new TableColumn("x", typeof(double)), values.Cast<object?>()));

    [Fact]
    public void A_column_keeps_the_format_it_was_given() =>
        Assert.Equal("P1", ColumnFormat.For(new TableColumn("x", typeof(double), "P1"), [0.5, 1234.0]));

    [Fact]
    public void Every_cell_of_a_column_uses_the_same_format()
    {
        var html = Table.From([new Check("a", true, 10788.0), new Check("b", true, 12.6)]).ToHtml();
        Assert.Contains(">10,788<", html);
        Assert.Contains(">13<", html);
    }

    [Theory]
    [InlineData("UnpaidGridCostUsd", "Unpaid grid cost (USD)")]
    [InlineData("NpvAt10Pct", "Npv at 10 %")]
    [InlineData("avg_temp_c", "Avg temp (°C)")]
    [InlineData("PublishedGap", "Published gap")]
    [InlineData("P2_5", "P 2.5")]
    [InlineData("Gap (t/yr)", "Gap (t/yr)")]
    [InlineData("LFP", "LFP")]
    [InlineData("NMC811", "NMC811")]
    [InlineData("Year", "Year")]
    public void Code_names_read_as_words(string name, string words) => Assert.Equal(words, ColumnFormat.Words(name));

    [Fact]
    public void Headers_render_as_words_and_keep_their_names_for_code()
    {
        var t = Table.From([new Check("a", true, 1)]).Select("Quantity", "Gap").Rename("Gap", "GapTonnesKt");
        Assert.Contains("<th>Gap tonnes (kt)</th>", t.ToHtml());
        Assert.Equal("GapTonnesKt", t.Columns[1].Name);
        Assert.Equal("GapTonnesKt", t.ToDataFrame().Columns[1].Name);
    }

    [Fact]
    public void Long_tables_fold_after_n_rows_behind_a_details_element_that_needs_no_script()
    {
        var rows = Enumerable.Range(1, 28).Select(i => new Check("m" + i, true, i)).ToArray();
        var html = Table.From(rows).ToHtml();
        Assert.Contains("<details class=\"evsc-more\"><summary>13 more rows (28 in all): show or hide</summary></details>", html);
        Assert.Equal(13, Count(html, "<tr class=\"evsc-extra\">"));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<details", Table.From(rows).WithCollapseAfter(0).ToHtml());
        Assert.DoesNotContain("<details", Table.From(rows.Take(19)).ToHtml()); // folding 4 rows is not worth a click
        Assert.Equal(5, Count(Table.From(rows).WithCollapseAfter(23).Select("Quantity").ToHtml(), "evsc-extra\""));
    }

    [Fact]
    public void The_fragment_styles_itself_and_scrolls_inside_its_own_box()
    {
        var html = Table.From([new Check("a", true, 1)]).ToHtml();
        Assert.StartsWith("<div class=\"evsc-table-wrap\"><style>", html);
        Assert.Contains(".evsc-table-wrap{max-width:100%;overflow-x:auto", html);
    }

    [Fact]
    public void Wide_year_tables_transpose_to_years_down()
    {
        var wide = Table.From([new Wide("Lithium", 1, 2, 3), new Wide("Nickel", 4, 5, 6)])
            .Rename("Y2025", "2025").Rename("Y2030", "2030").Rename("Y2035", "2035").WithFormat("N1", "2025", "2030", "2035");
        var t = wide.Transpose("Material", "Year");
        Assert.Equal(["Year", "Lithium", "Nickel"], t.Columns.Select(c => c.Name));
        Assert.Equal(["2025", "2030", "2035"], t.Rows.Select(r => (string)r[0]!));
        Assert.Equal([2.0, 5.0], t.Rows[1].Skip(1).Cast<double>());
        Assert.Equal("N1", t.Columns[1].Format);
    }

    [Fact]
    public void Wide_tables_split_into_column_sets_that_repeat_the_labels()
    {
        var parts = Table.From([new Wide("Lithium", 1, 2, 3)]).SplitColumns(3, "Material");
        Assert.Equal([["Material", "Y2025", "Y2030"], ["Material", "Y2035"]], parts.Select(p => p.Columns.Select(c => c.Name).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.From([new Wide("Li", 1, 2, 3)]).SplitColumns(1, "Material"));
    }

    [Fact]
    public void An_object_without_a_display_becomes_a_property_table_with_word_names()
    {
        var t = Table.Properties(new Station("Rural", -1234.6, 9349120.000000015, false, 2035, [1, 2, 3]));
        Assert.Equal(["Property", "Value"], t.Columns.Select(c => c.Name));
        Assert.Equal(
            [["Site", "Rural"], ["Npv at 10 % (USD)", "-1,235"], ["Unpaid grid cost (USD)", "9,349,120"], ["Viable", "✗"], ["Year", "2035"], ["Hourly", "3 items"]],
            t.Rows.Select(r => r.Cast<string>().ToArray()));
    }

    private sealed class Plain
    {
        public double UnpaidGridCostUsd { get; init; } = 9349120.000000015;
    }

    private sealed class Named
    {
        public double Value { get; init; }

        public override string ToString() => "named";
    }

    [Fact]
    public void The_fallback_shows_records_objects_and_data_frames_as_tables_and_leaves_the_rest_to_text()
    {
        Assert.Contains("<th>Property</th>", Fallback.Html(new Check("Li", true, 1.5)));
        Assert.Contains("<td>Unpaid grid cost (USD)</td><td>9,349,120</td>", Fallback.Html(new Plain()));
        var df = Table.From([new Check("Li", true, 1.5)]).ToDataFrame();
        Assert.Contains("<th>Quantity</th>", Fallback.Html(df));
        Assert.Null(Fallback.Html(new Named()));
        Assert.Null(Fallback.Html(3.5));
        Assert.Null(Fallback.Html("text"));
        Assert.Null(Fallback.Html(new[] { 1, 2 }));
        Assert.Null(Fallback.Html(Table.From([1.0])));
        Assert.Null(Fallback.Html((1, 2)));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
