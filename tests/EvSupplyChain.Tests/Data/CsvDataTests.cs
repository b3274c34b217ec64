using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Tests.Data;

/// <summary>The CSV reader and each validation rule: every violation names file, line, column and rule.</summary>
public class CsvDataTests
{
    private const string File = "data/test/materials.csv";

    private static CsvData Parse(string text, params string[] required) => CsvData.Parse(new StringReader(text), File, required);

    private static DataValidationException Fails(Action action, int? line, string? column, string rule)
    {
        var e = Assert.Throws<DataValidationException>(action);
        Assert.Equal(File, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(rule, e.Rule);
        Assert.StartsWith("materials.csv" + (line is null ? "" : $", line {line}") + (column is null ? "" : $", column '{column}'") + ": ", e.Message);
        Assert.EndsWith($"(file {File})", e.Message);
        return e;
    }

    private const string Good = "material,share,tonnes,year\nLi,0.25,100,2035\nCo,0.75,2.5e3,2035.0\n";

    [Fact]
    public void Reads_header_and_typed_cells_with_invariant_culture()
    {
        var d = Parse(Good, "material", "share");
        Assert.Equal(["material", "share", "tonnes", "year"], d.Header);
        Assert.Equal(2, d.Rows.Count);
        Assert.Equal(2500.0, d.Rows[1].Double("tonnes"));
        Assert.Equal(2035, d.Rows[1].Int("year"));
        Assert.Equal([2, 3], d.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Line_numbers_count_blank_lines_and_multi_line_cells()
    {
        var d = Parse("name,value\n\n\"two\nlines\",1\n\nx,abc\n");
        Assert.Equal("two\nlines", d.Rows[0].Text("name"));
        Fails(() => d.Rows[1].Double("value"), 6, "value", "'abc' is not a number");
    }

    [Fact]
    public void Cells_are_trimmed_and_missing_trailing_cells_are_empty()
    {
        var row = Parse("a,b,c\n  x  ,1\n").Rows.Single();
        Assert.Equal("x", row.Text("a"));
        Assert.True(row.IsEmpty("c"));
        Assert.Equal(7.0, row.DoubleOr("c", 7));
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<DataValidationException>(() => CsvData.Load("/nonexistent/materials.csv"));
        Assert.Equal((null, null, "the file does not exist"), (e.Line, e.Column, e.Rule));
        Assert.Equal("materials.csv: the file does not exist (file /nonexistent/materials.csv)", e.Message);
    }

    [Fact]
    public void Empty_file_has_no_header() => Fails(() => Parse(""), 1, null, "no header line");

    [Fact]
    public void Duplicate_header_column() => Fails(() => Parse("a,b,a\n1,2,3\n"), 1, "a", "appears twice");

    [Fact]
    public void Required_column_missing_lists_missing_and_found()
    {
        var e = Fails(() => Parse(Good, "material", "price", "grade"), 1, "price", "required column missing");
        Assert.Contains("missing: price, grade; found: material, share, tonnes, year", e.Rule);
    }

    [Fact]
    public void Row_with_more_cells_than_the_header() =>
        Fails(() => Parse("a,b\n1,2\n1,2,3\n"), 3, null, "the row has 3 cells but the header has 2 columns");

    [Fact]
    public void Unknown_column_in_code_names_the_columns_there_are() =>
        Fails(() => Parse(Good).Rows[0].Text("price"), 2, "price", "no such column (found: material, share, tonnes, year)");

    [Theory]
    [InlineData("abc", "'abc' is not a number")]
    [InlineData("1,5", "'1,5' is not a number")]
    [InlineData("", "a number is required, the cell is empty")]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("Infinity", "'Infinity' is not a finite number")]
    public void Non_numbers_are_rejected(string cell, string rule) =>
        Fails(() => Parse($"material,tonnes\nLi,\"{cell}\"\n").Rows[0].Double("tonnes"), 2, "tonnes", rule);

    [Fact]
    public void Numeric_range_names_the_allowed_range() =>
        Fails(() => Parse(Good).Rows[1].Double("tonnes", min: 0, max: 1000), 3, "tonnes", "2.5e3 is outside the allowed range [0, 1000]");

    [Fact]
    public void Non_negative_rule() =>
        Fails(() => Parse("material,tonnes\nLi,-0.5\n").Rows[0].NonNegative("tonnes"), 2, "tonnes", "-0.5 is outside the allowed range [0, ∞]");

    [Fact]
    public void Share_rule() =>
        Fails(() => Parse("material,share\nLi,1.2\n").Rows[0].Share("share"), 2, "share", "1.2 is outside the allowed range [0, 1]");

    [Theory]
    [InlineData("2035.5", "'2035.5' is not a whole number")]
    [InlineData("x", "'x' is not a whole number")]
    [InlineData("1999", "1999 is outside the allowed range [2000, 2100]")]
    public void Whole_number_rule(string cell, string rule) =>
        Fails(() => Parse($"year\n{cell}\n").Rows[0].Int("year", 2000, 2100), 2, "year", rule);

    [Fact]
    public void Required_text_rule() => Fails(() => Parse("a,b\n,1\n").Rows[0].RequiredText("a"), 2, "a", "a value is required");

    [Fact]
    public void Closed_list_rule_lists_the_allowed_values()
    {
        var row = Parse("chemistry\nlfp\nLMO\n").Rows;
        Assert.Equal("LFP", row[0].OneOf("chemistry", ["NMC", "LFP"]));
        Fails(() => row[1].OneOf("chemistry", ["NMC", "LFP"]), 3, "chemistry", "'LMO' is not one of: NMC, LFP");
    }

    private enum Chemistry { Nmc, Lfp }

    [Fact]
    public void Enum_rule_lists_the_names()
    {
        var rows = Parse("chemistry\nLFP\n7\n").Rows;
        Assert.Equal(Chemistry.Lfp, rows[0].Enum<Chemistry>("chemistry"));
        Fails(() => rows[1].Enum<Chemistry>("chemistry"), 3, "chemistry", "'7' is not one of: Nmc, Lfp");
    }

    [Fact]
    public void Unique_key_rule_names_the_duplicate_and_its_first_line()
    {
        var d = Parse("country,material,t\nCL,Li,1\nAU,Li,2\nCL,Li,3\n");
        Assert.Same(d, d.RequireUniqueKey("t"));
        Fails(() => d.RequireUniqueKey("country", "material"), 4, "country+material", "duplicate key (CL, Li) first seen on line 2");
    }

    [Fact]
    public void Shares_sum_to_one_per_group_within_the_tolerance()
    {
        var d = Parse("material,source,share\nLi,mine,0.6\nLi,recycling,0.4000001\nCo,mine,0.5\nCo,recycling,0.4\n");
        Fails(() => d.RequireSharesSumToOne("share", 1e-6, "material"), 4, "share", "shares of group (Co) sum to 0.9, expected 1 ± 1E-06");
        var li = Parse("material,share\nLi,0.6\nLi,0.4000001\n");
        Assert.Same(li, li.RequireSharesSumToOne("share", 1e-6));
        Fails(() => li.RequireSharesSumToOne("share", 1e-9), 2, "share", "shares of all rows sum to");
    }

    [Fact]
    public void Shares_in_a_group_must_each_be_shares() =>
        Fails(() => Parse("g,share\na,1.5\na,-0.5\n").RequireSharesSumToOne("share", 1e-9, "g"), 2, "share", "outside the allowed range [0, 1]");

    [Fact]
    public void Shares_across_columns_of_one_row()
    {
        var rows = Parse("lfp,nmc,nca\n0.5,0.3,0.2\n0.5,0.3,0.3\n").Rows;
        rows[0].RequireSumToOne(["lfp", "nmc", "nca"], 1e-9);
        Fails(() => rows[1].RequireSumToOne(["lfp", "nmc", "nca"], 1e-9), 3, "lfp+nmc+nca", "shares sum to 1.1, expected 1 ± 1E-09");
    }

    private sealed record Mine(string Country, Chemistry Chemistry, double Tonnes, int Year, bool Active, double? Grade, long Id = 0, string Note = "none");

    [Fact]
    public void Records_map_columns_to_constructor_parameters_by_name()
    {
        var mines = Parse("country,CHEMISTRY,tonnes,year,active,grade\nCL,lfp,1.5,2030,true,\nAU,NMC,2,2031,0,0.8\n").ReadRecords<Mine>();
        Assert.Equal(new Mine("CL", Chemistry.Lfp, 1.5, 2030, true, null), mines[0]);
        Assert.Equal(new Mine("AU", Chemistry.Nmc, 2, 2031, false, 0.8), mines[1]);
    }

    [Fact]
    public void Records_need_every_parameter_without_a_default() =>
        Fails(() => Parse("country,tonnes\nCL,1\n").ReadRecords<Mine>(), 1, "Chemistry", "required column missing (missing: Chemistry, Year, Active, Grade;");

    [Theory]
    [InlineData("CL,lfp,x,2030,true,", 2, "tonnes", "'x' is not a number")]
    [InlineData("CL,lfp,1,2030,maybe,", 2, "active", "'maybe' is not true/false")]
    [InlineData("CL,lmo,1,2030,true,", 2, "chemistry", "'lmo' is not one of: Nmc, Lfp")]
    public void Records_report_the_bad_cell(string row, int line, string column, string rule) =>
        Fails(() => Parse("country,chemistry,tonnes,year,active,grade\n" + row + "\n").ReadRecords<Mine>(), line, column, rule);
}
