using EvSupplyChain.Models.Display;
using Microsoft.Data.Analysis;

namespace EvSupplyChain.Tests.Display;

public class DataFrameTests
{
    private enum Chemistry { Lfp, Nmc }

    private sealed record Gap(string Material, int Year, double GapT, bool Short, decimal Price, Chemistry Chemistry, double? Published, long Count);

    private static readonly Gap[] Gaps =
    [
        new("Lithium", 2035, 437853.123456789, true, 12.5m, Chemistry.Lfp, 437853.1, 3),
        new("Cobalt", 2030, -1.7e-16, false, 3m, Chemistry.Nmc, null, 4),
    ];

    [Fact]
    public void Columns_keep_their_types_and_doubles_stay_doubles()
    {
        var df = Table.From(Gaps).ToDataFrame();
        Assert.Equal(["Material", "Year", "GapT", "Short", "Price", "Chemistry", "Published", "Count"], df.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(int), typeof(double), typeof(bool), typeof(decimal), typeof(string), typeof(double), typeof(long)],
            df.Columns.Select(c => c.DataType));
        Assert.Equal(437853.123456789, (double)df["GapT"][0]);
        Assert.Equal(-1.7e-16, (double)df["GapT"][1]);
        Assert.Null(df["Published"][1]);
        Assert.Equal("Nmc", df["Chemistry"][1]);
    }

    [Fact]
    public void Headers_become_column_names_and_totals_are_left_out()
    {
        var df = Table.From(Gaps).WithHeader("GapT", "Gap (t/yr)").WithTotals().ToDataFrame();
        Assert.Equal(2, df.Rows.Count);
        Assert.Equal(437853.123456789, (double)df["Gap (t/yr)"][0]);
    }

    [Fact]
    public void A_filtered_and_sorted_frame_comes_back_as_a_table()
    {
        var df = Gaps.ToDataFrame();
        var shortOnes = df.Filter(df["Short"].ElementwiseEquals(true)).OrderBy("Year");
        var t = Table.From(shortOnes, "Materials short of supply").WithHeader("GapT", "Gap (t/yr)").WithFormat("N0", "Gap (t/yr)");
        Assert.Equal(1, t.RowCount);
        Assert.Equal("Materials short of supply", t.Title);
        Assert.Equal(typeof(double), t.Columns[2].ValueType);
        Assert.Equal(437853.123456789, t[0, "Gap (t/yr)"]);
        Assert.Contains(">437,853<", t.ToHtml());
    }

    [Fact]
    public void Round_trip_keeps_every_value()
    {
        var back = Table.From(Table.From(Gaps).ToDataFrame());
        Assert.Equal(2, back.RowCount);
        Assert.Equal(["Lithium", 2035, 437853.123456789, true, 12.5m, "Lfp", 437853.1, 3L], back.Rows[0]);
    }

    [Fact]
    public void Group_by_sums_doubles()
    {
        var df = new[] { ("Li", 1.5), ("Li", 2.25), ("Co", 4.0) }.Select(p => new { Material = p.Item1, Tonnes = p.Item2 }).ToDataFrame();
        var sums = df.GroupBy("Material").Sum("Tonnes").OrderBy("Material");
        Assert.Equal([4.0, 3.75], Table.From(sums).Numbers("Tonnes"));
    }

    [Fact]
    public void Duplicate_headers_are_refused_with_the_name()
    {
        var t = Table.Create([new TableColumn("x", typeof(double)), new TableColumn("x", typeof(double))], [[1.0, 2.0]]);
        Assert.Contains("'x' appears 2 times", Assert.Throws<InvalidOperationException>(() => t.ToDataFrame()).Message);
    }

    [Fact]
    public void The_library_formatter_source_shows_a_data_frame_as_a_table()
    {
        var df = Table.From(Gaps).ToDataFrame();
        var formatter = new DisplayFormatterSource().CreateTypeFormatters().Cast<ConventionFormatter>()
            .Single(f => f.Type == typeof(DataFrame) && f.MimeType == "text/html");
        using var html = new StringWriter();
        Assert.True(formatter.Format(df, html));
        Assert.StartsWith("<", html.ToString().TrimStart());
        Assert.Contains("<th>Material</th>", html.ToString());
        Assert.Contains("Lithium", html.ToString());
        Assert.False(formatter.Format("not a frame", new StringWriter()));
    }
}
