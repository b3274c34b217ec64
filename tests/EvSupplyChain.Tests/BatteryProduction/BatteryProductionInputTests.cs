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
        Assert.Throws<InvalidOperationException>(() => BatteryProductionAnalysis.Ranges(r));
    }
}
