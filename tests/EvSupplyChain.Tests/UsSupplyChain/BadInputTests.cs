using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>Invalid inputs give one clear error naming file, line and column (or parameter and range), and no result.</summary>
public class BadInputTests
{
    /// <summary>A copy of data/us-supply-chain with one file edited line by line (line 1 = header).</summary>
    private static string CopyWith(string file, Func<string[], string[]> edit)
    {
        var dir = Directory.CreateTempSubdirectory("evsc-us-").FullName;
        foreach (var f in Directory.GetFiles(Golden.DataFolder)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var path = Path.Combine(dir, file);
        File.WriteAllLines(path, edit(File.ReadAllLines(path)));
        return dir;
    }

    private static DataValidationException LoadFails(string dir) =>
        Assert.Throws<DataValidationException>(() => GapAnalysis.Run(dir));

    [Fact]
    public void A_missing_column_names_the_file_and_column()
    {
        var dir = CopyWith("ev_sales.csv", lines => lines.Select(l => string.Join(',', l.Split(',').Take(2))).ToArray());
        var e = LoadFails(dir);
        Assert.EndsWith("ev_sales.csv", e.File);
        Assert.Equal(1, e.Line);
        Assert.Equal("sales", e.Column);
    }

    [Fact]
    public void A_non_numeric_cell_names_file_line_and_column()
    {
        var dir = CopyWith("battery_mass.csv", lines => { lines[4] = "2010,BEV,NMC532,heavy"; return lines; });
        var e = LoadFails(dir);
        Assert.EndsWith("battery_mass.csv", e.File);
        Assert.Equal(5, e.Line);
        Assert.Equal("mass_t_per_vehicle", e.Column);
        Assert.Contains("'heavy' is not a number", e.Message);
    }

    [Fact]
    public void A_negative_sale_names_file_line_and_column()
    {
        var dir = CopyWith("ev_sales.csv", lines => { lines[2] = "2010,PHEV,-326"; return lines; });
        var e = LoadFails(dir);
        Assert.EndsWith("ev_sales.csv", e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal("sales", e.Column);
        Assert.Contains("outside the allowed range", e.Message);
    }

    [Fact]
    public void Chemistry_shares_not_summing_to_one_name_the_year()
    {
        var line = 0;
        var dir = CopyWith("chemistry_share.csv", lines =>
        {
            line = Array.FindIndex(lines, l => l.StartsWith("2030,LFP,", StringComparison.Ordinal));
            lines[line] = "2030,LFP,0.25";
            return lines;
        });
        var e = LoadFails(dir);
        Assert.EndsWith("chemistry_share.csv", e.File);
        Assert.Equal("share", e.Column);
        Assert.Equal(line + 1, e.Line);
        Assert.Contains("group (2030)", e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var dir = CopyWith("lifetime.csv", l => l);
        File.Delete(Path.Combine(dir, "recycling_yield.csv"));
        var e = LoadFails(dir);
        Assert.EndsWith("recycling_yield.csv", e.File);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void An_unknown_row_name_lists_the_allowed_ones()
    {
        var dir = CopyWith("existing_supply.csv", lines => { lines[1] = lines[1].Replace("Aluminum hydroxide", "Aluminium hydroxide"); return lines; });
        var e = LoadFails(dir);
        Assert.Equal(("item", 2), (e.Column, e.Line));
        Assert.Contains("Bauxite", e.Message);
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2036)]
    public void A_year_outside_the_inputs_names_the_covered_range(int year)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GapAnalysis.Run(Golden.Inputs, new GapOptions { Year = year }));
        Assert.Equal("year", e.ParamName);
        Assert.Contains("2024–2035", e.Message);
    }

    [Fact]
    public void Any_covered_year_runs()
    {
        foreach (var year in Golden.Inputs.ReportingYears)
            Assert.Equal(28, GapAnalysis.Run(Golden.Inputs, new GapOptions { Year = year }).Rows.Count);
        Assert.Equal(Enumerable.Range(2024, 12), Golden.Inputs.ReportingYears);
    }

    [Fact]
    public void An_option_out_of_range_names_the_parameter_and_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GapAnalysis.Run(Golden.Inputs, new GapOptions { LfpCarbonateShare = 1.5 }));
        Assert.Equal(nameof(GapOptions.LfpCarbonateShare), e.ParamName);
        Assert.Contains("[0, 1]", e.Message);
    }

    [Fact]
    public void An_unknown_anode_names_file_line_and_column()
    {
        var dir = CopyWith("anode_share.csv", lines => { lines[3] = lines[3].Replace(",graphite,", ",grafite,"); return lines; });
        var e = LoadFails(dir);
        Assert.EndsWith("anode_share.csv", e.File);
        Assert.Equal((4, "anode"), (e.Line, e.Column));
        Assert.Contains("graphite", e.Message);
    }

    [Fact]
    public void A_capacity_limit_setting_outside_0_or_1_names_file_line_and_column()
    {
        var dir = CopyWith("recycling_settings.csv", lines => { lines[1] = "use_capacity_limit,2"; return lines; });
        var e = LoadFails(dir);
        Assert.EndsWith("recycling_settings.csv", e.File);
        Assert.Equal((2, "value"), (e.Line, e.Column));
    }

    [Fact]
    public void A_published_gap_table_missing_a_quantity_names_the_material_and_quantity()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-us-").FullName;
        var reference = Directory.CreateDirectory(Path.Combine(dir, "reference")).FullName;
        var lines = File.ReadAllLines(Path.Combine(Golden.DataFolder, "reference", "published_gaps_2035.csv"))
            .Where(l => !l.StartsWith("Cobalt,Gap,", StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(reference, "published_gaps_2035.csv"), lines);
        var e = Assert.Throws<DataValidationException>(() => GapViews.LoadPublished(dir));
        Assert.EndsWith("published_gaps_2035.csv", e.File);
        Assert.Equal("quantity", e.Column);
        Assert.Contains("'Cobalt' has no row for 'Gap'", e.Message);
    }
}
