using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Tests.BatteryProduction;

/// <summary>Bad inputs give one clear error naming the file, line and column.</summary>
public sealed class BatteryProductionInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "evsc-opt-" + Guid.NewGuid().ToString("N"));

    public BatteryProductionInputTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Data, "optimization"), "*.csv")) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Edit(string file, Func<string, string> change) => File.WriteAllText(Path.Combine(_dir, file), change(File.ReadAllText(Path.Combine(_dir, file))));

    [Fact]
    public void Missing_file_is_named()
    {
        File.Delete(Path.Combine(_dir, "cell_supply.csv"));
        var e = Assert.Throws<DataValidationException>(() => BatteryProductionInputs.Load(_dir));
        Assert.Contains("cell_supply.csv", e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Negative_supply_names_file_line_and_column()
    {
        Edit("mineral_supply.csv", t => t.Replace("\n2035,bauxite,eligible,18621\n", "\n2035,bauxite,eligible,-18621\n"));
        var e = Assert.Throws<DataValidationException>(() => BatteryProductionInputs.Load(_dir));
        Assert.Equal(288, e.Line);
        Assert.Equal("supply_t", e.Column);
        Assert.Contains("outside the allowed range", e.Message);
    }

    [Fact]
    public void Text_in_an_intensity_cell_names_the_cell()
    {
        Edit("material_share.csv", t => t.Replace("\ncam,BEV,NMC111,graphite,0.270692\n", "\ncam,BEV,NMC111,graphite,abc\n"));
        var e = Assert.Throws<DataValidationException>(() => BatteryProductionInputs.Load(_dir));
        Assert.Equal(2, e.Line);
        Assert.Equal("mass_share_t_per_t", e.Column);
        Assert.Contains("'abc' is not a number", e.Message);
    }

    [Fact]
    public void Missing_column_and_missing_material_row_are_named()
    {
        Edit("specific_energy.csv", t => t.Replace("specific_energy_wh_per_kg", "energy"));
        var e = Assert.Throws<DataValidationException>(() => BatteryProductionInputs.Load(_dir));
        Assert.Contains("specific_energy_wh_per_kg", e.Message);
        Assert.Contains("specific_energy.csv", e.Message);
    }

    [Fact]
    public void Missing_row_and_unknown_anode_are_named()
    {
        Edit("component_supply.csv", t => string.Join('\n', t.Split('\n').Where(l => !l.StartsWith("2030,separator,eligible,", StringComparison.Ordinal))));
        var e = Assert.Throws<DataValidationException>(() => BatteryProductionInputs.Load(_dir));
        Assert.Contains("component_supply.csv", e.Message);
        Assert.Contains("year 2030, eligible 'separator'", e.Message);

        Edit("cell_supply.csv", t => t.Replace("\n2035,LFP,graphite,eligible,", "\n2035,LFP,lithium,eligible,"));
        var f = Assert.Throws<DataValidationException>(() => BatteryProductionInputs.Load(_dir));
        Assert.Equal("anode", f.Column);
        Assert.Contains("cell_supply.csv", f.Message);
    }

    [Fact]
    public void Unknown_year_lists_the_available_years()
    {
        var inputs = BatteryProductionInputs.Load(_dir);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BatteryProductionModel.Build(inputs, 2040));
        Assert.Contains("available years: 2024, 2025", e.Message);
    }

    [Fact]
    public void Zero_supply_everywhere_is_still_optimal_with_zero_production()
    {
        Edit("cell_supply.csv", t => string.Join('\n', t.Split('\n').Select((l, i) => i == 0 || l.Length == 0 ? l
            : string.Join(',', l.Split(',').Select((c, j) => j == 4 ? "0" : c)))));
        var r = BatteryProductionAnalysis.Solve(BatteryProductionInputs.Load(_dir), 2035);
        Assert.Equal(0, r.Objective, 12);
        Assert.All(r.ChemistryShares.Values.Concat(r.AnodeShares.Values), v => Assert.Equal(0.0, v));
        var (code, output, _) = Cli.CliRuleTests.Evsc("optimize", "--year", "2035", "--format", "csv", "--data", _dir);
        Assert.Equal(0, code);
        Assert.DoesNotContain("NaN", output);
        Assert.Throws<InvalidOperationException>(() => BatteryProductionAnalysis.Ranges(r));
    }

    private DataValidationException LoadFails() => Assert.Throws<DataValidationException>(() => BatteryProductionInputs.Load(_dir));

    [Fact]
    public void An_empty_supply_cell_is_an_error_not_a_zero()
    {
        Edit("component_supply.csv", t => t.Replace("\n2035,LFP,eligible,186586.0485274914\n", "\n2035,LFP,eligible,\n"));
        var e = LoadFails();
        Assert.EndsWith("component_supply.csv", e.File);
        Assert.Equal((288, "supply_t"), (e.Line, e.Column));
        Assert.Contains("the cell is empty", e.Message);
        var (code, output, err) = Cli.CliRuleTests.Evsc("optimize", "--year", "2035", "--data", _dir);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("component_supply.csv, line 288, column 'supply_t'", err);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a number")]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("1e999", "'1e999' is not a finite number")]
    [InlineData("-5", "outside the allowed range")]
    [InlineData("", "the cell is empty")]
    public void A_bad_cell_in_an_ineligible_row_the_model_ignores_is_still_an_error(string cell, string rule)
    {
        Edit("cell_supply.csv", t => t.Replace("\n2015,NCA,graphite,ineligible,214502.1360457702\n", $"\n2015,NCA,graphite,ineligible,{cell}\n"));
        var e = LoadFails();
        Assert.EndsWith("cell_supply.csv", e.File);
        Assert.Equal((10, "supply_t"), (e.Line, e.Column));
        Assert.Contains(rule, e.Message);
    }

    [Theory]
    [InlineData("cell_supply.csv", "\n2015,NCA,graphite,ineligible,", "\n2015,NCX,graphite,ineligible,", "chemistry")]
    [InlineData("mineral_supply.csv", "\n2024,bauxite,ineligible,", "\n2024,bauxit,ineligible,", "material")]
    [InlineData("component_supply.csv", "\n2024,LFP,ineligible,", "\n2024,LFP,maybe,", "eligibility")]
    [InlineData("specific_energy.csv", "\n2010,BEV,LFP,graphite,", "\n2010,Bus,LFP,graphite,", "vehicle")]
    public void A_bad_name_in_a_row_the_model_ignores_is_an_error(string file, string from, string to, string column)
    {
        Edit(file, t => t.Contains(from) ? t.Replace(from, to) : throw new InvalidOperationException(from));
        var e = LoadFails();
        Assert.EndsWith(file, e.File);
        Assert.Equal(column, e.Column);
    }

    [Theory]
    [InlineData("material_share.csv")]
    [InlineData("mineral_supply.csv")]
    [InlineData("component_supply.csv")]
    [InlineData("cell_supply.csv")]
    [InlineData("specific_energy.csv")]
    public void A_header_only_file_is_an_error_naming_it(string file)
    {
        Edit(file, t => t[..(t.IndexOf('\n') + 1)]);
        var e = LoadFails();
        Assert.EndsWith(file, e.File);
    }

    [Theory]
    [InlineData("material_share.csv", 2)]
    [InlineData("mineral_supply.csv", 3)]
    [InlineData("component_supply.csv", 288)]
    [InlineData("cell_supply.csv", 10)]
    [InlineData("specific_energy.csv", 4)]
    public void A_duplicated_row_is_an_error_naming_file_and_line(string file, int line)
    {
        Edit(file, t => t.TrimEnd('\n') + "\n" + t.Split('\n')[line - 1] + "\n");
        var e = LoadFails();
        Assert.EndsWith(file, e.File);
        Assert.Contains($"first seen on line {line}", e.Message);
    }
}
