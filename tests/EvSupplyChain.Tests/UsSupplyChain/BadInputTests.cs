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

    [Theory]
    [InlineData("component_intensity.csv")]
    [InlineData("refined_intensity.csv")]
    [InlineData("recycling_yield.csv")]
    [InlineData("recycling_routes.csv")]
    [InlineData("recycling_capacity.csv")]
    [InlineData("planned_supply.csv")]
    [InlineData("existing_supply.csv")]
    [InlineData("raw_intensity.csv")]
    [InlineData("recycling_rate.csv")]
    public void A_header_only_file_is_an_error_naming_it(string file)
    {
        var e = LoadFails(CopyWith(file, lines => lines[..1]));
        Assert.EndsWith(file, e.File);
        Assert.Contains("no data rows", e.Message);
    }

    [Theory]
    [InlineData("refined_intensity.csv", "NCA,Nickel sulfate,", "(NCA, Nickel sulfate)")]
    [InlineData("component_intensity.csv", "Separator,PHEV,NMC811,", "(Separator, PHEV, NMC811)")]
    [InlineData("recycling_yield.csv", "hydro,Nickel sulfate,NMC622,", "(hydro, Nickel sulfate, NMC622)")]
    [InlineData("recycling_routes.csv", "direct,", "(direct)")]
    [InlineData("recycling_capacity.csv", "2030,", "(2030)")]
    [InlineData("raw_intensity.csv", "Nickel,", "(Nickel, Nickel sulfate)")]
    public void A_missing_row_is_an_error_naming_the_file_and_the_key(string file, string rowStart, string key)
    {
        var e = LoadFails(CopyWith(file, lines => lines.Where(l => !l.StartsWith(rowStart, StringComparison.Ordinal)).ToArray()));
        Assert.EndsWith(file, e.File);
        Assert.Contains($"no row for {key}", e.Message);
        Assert.Contains("write 0", e.Message);
    }

    [Fact]
    public void A_supply_year_missing_one_row_is_an_error_naming_the_key()
    {
        var dir = CopyWith("planned_supply.csv", lines => lines.Where(l => !l.StartsWith("2031,Nickel sulfate,US,all,", StringComparison.Ordinal)).ToArray());
        var e = LoadFails(dir);
        Assert.EndsWith("planned_supply.csv", e.File);
        Assert.Contains("no row for (2031, Nickel sulfate, US, all,", e.Message);
    }

    [Theory]
    [InlineData("existing_supply.csv", 40)]
    [InlineData("planned_supply.csv", 900)]
    [InlineData("refined_intensity.csv", 17)]
    [InlineData("component_intensity.csv", 50)]
    [InlineData("recycling_yield.csv", 100)]
    [InlineData("recycling_capacity.csv", 20)]
    [InlineData("ev_sales.csv", 20)]
    public void A_duplicated_row_is_an_error_naming_file_and_line(string file, int line)
    {
        var dir = CopyWith(file, lines => [.. lines, lines[line - 1]]);
        var e = LoadFails(dir);
        Assert.EndsWith(file, e.File);
        Assert.Equal(File.ReadAllLines(Path.Combine(dir, file)).Length, e.Line);
        Assert.Contains($"duplicate key", e.Message);
        Assert.Contains($"first seen on line {line}", e.Message);
    }

    [Fact]
    public void A_duplicated_row_differing_only_in_letter_case_is_a_duplicate()
    {
        var dir = CopyWith("refined_intensity.csv", lines => [.. lines, "nca,nickel sulfate,1.292"]);
        Assert.Contains("duplicate key", LoadFails(dir).Message);
    }

    [Fact]
    public void An_empty_quantity_is_an_error_not_a_zero()
    {
        var dir = CopyWith("refined_intensity.csv", lines => lines.Select(l => l.StartsWith("NCA,Cobalt sulfate,", StringComparison.Ordinal) ? "NCA,Cobalt sulfate," : l).ToArray());
        var e = LoadFails(dir);
        Assert.Equal("t_per_t_cam", e.Column);
        Assert.Contains("the cell is empty", e.Message);
    }

    [Fact]
    public void Inputs_without_a_common_year_name_the_file_that_misses_it()
    {
        var dir = CopyWith("anode_share.csv", lines => lines.Select((l, i) => i == 0 ? l : "19" + l[2..]).ToArray());
        var e = LoadFails(dir);
        Assert.EndsWith("anode_share.csv", e.File);
        Assert.Contains("no reporting year is left", e.Message);
    }

    [Fact]
    public void The_cli_reports_a_truncated_file_in_one_line_with_exit_2()
    {
        var dir = CopyWith("refined_intensity.csv", lines => lines.Where(l => !l.StartsWith("NCA,Nickel sulfate,", StringComparison.Ordinal)).ToArray());
        var (code, output, err) = Cli.CliRuleTests.Evsc("gaps", "--data", dir);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("refined_intensity.csv", err);
        Assert.Contains("(NCA, Nickel sulfate)", err);
    }
}
