using EvSupplyChain.Cli;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Degradation;
using System.CommandLine;

namespace EvSupplyChain.Tests.Degradation;

public class PredictionTests
{
    [Fact]
    public void Committed_choice_files_equal_the_original_mapping()
    {
        var loaded = PredictionChoices.Load(Path.Combine(TestPaths.Data, "degradation"));
        Assert.Equal(PredictionChoices.Original.Climates, loaded.Climates);
        Assert.Equal(PredictionChoices.Original.Usages, loaded.Usages);
        Assert.Equal(PredictionChoices.Original.Traffic, loaded.Traffic);
    }

    [Fact]
    public void Choices_map_to_the_spec_features()
    {
        var x = PredictionChoices.Original.Conditions("veryhot", "Taxi", "High", 90);
        Assert.Equal(new OperatingConditions(40, 0.9, 1.8, 1.0, 2.0, 90, 2), x);
    }

    [Fact]
    public void Unknown_names_and_bad_soh_list_the_allowed_values()
    {
        var e = Assert.Throws<ArgumentException>(() => PredictionChoices.Original.Conditions("Arctic", "Average", "Low", 95));
        Assert.Contains("Cold, Temperate, Hot, VeryHot", e.Message);
        e = Assert.Throws<ArgumentException>(() => PredictionChoices.Original.Conditions("Cold", "Racing", "Low", 95));
        Assert.Contains("Gentle, Average, Heavy, Taxi", e.Message);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => PredictionChoices.Original.Conditions("Cold", "Average", "Low", 101));
        Assert.Contains("[0, 100]", r.Message);
    }

    [Fact]
    public void Bad_choice_file_names_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-deg-").FullName;
        foreach (var f in new[] { "climates.csv", "usage_profiles.csv", "traffic_levels.csv" })
            File.Copy(Path.Combine(TestPaths.Data, "degradation", f), Path.Combine(dir, f));
        File.WriteAllText(Path.Combine(dir, "usage_profiles.csv"), "name,label,dod,charge_rate,discharge_rate,cycles_per_day\nAverage,Average User,1.7,0.7,0.8,1.0\n");
        var e = Assert.Throws<DataValidationException>(() => PredictionChoices.Load(dir));
        Assert.Equal(2, e.Line);
        Assert.Equal("dod", e.Column);
        Assert.Contains("[0, 1]", e.Message);
    }

    [Theory]
    [InlineData(CellChemistry.LiIon)]
    [InlineData(CellChemistry.NaIon)]
    public void Original_forecast_falls_monotonically_to_the_threshold(CellChemistry chemistry)
    {
        var x = PredictionChoices.Original.Conditions("Hot", "Average", "Medium", 100);
        var f = DegradationForecast.Original(x, OriginalModelParameters.For(chemistry), endOfLifePercent: 80);
        Assert.NotNull(f.EndOfLifeYears);
        Assert.True(f.Steps[^1].SohPercent <= 80 && f.Steps[^2].SohPercent > 80);
        Assert.True(f.Steps.Zip(f.Steps.Skip(1)).All(p => p.Second.SohPercent < p.First.SohPercent && p.Second.ResistancePercent > p.First.ResistancePercent));
        Assert.InRange(f.EndOfLifeYears!.Value, f.Steps[^2].Years, f.Steps[^1].Years);
    }

    [Theory]
    [InlineData(AgeingCell.Lfp)]
    [InlineData(AgeingCell.Nmc)]
    public void Semi_empirical_forecast_falls_monotonically_and_a_used_cell_starts_at_its_equivalent_age(AgeingCell cell)
    {
        var law = SemiEmpiricalAgeing.For(cell);
        var x = PredictionChoices.Original.Conditions("VeryHot", "Taxi", "High", 100);
        var fresh = DegradationForecast.SemiEmpirical(law, x, 80, horizonYears: 60);
        Assert.NotNull(fresh.EndOfLifeYears);
        Assert.True(fresh.Steps.Zip(fresh.Steps.Skip(1)).All(p => p.Second.SohPercent < p.First.SohPercent));
        var used = DegradationForecast.SemiEmpirical(law, x with { InitialSohPercent = 90 }, 80, horizonYears: 60);
        Assert.True(used.EndOfLifeYears < fresh.EndOfLifeYears);
        Assert.Equal(90, used.Steps[0].SohPercent);
    }

    [Fact]
    public void Average_li_ion_user_reaches_70_percent_in_about_2_4_years_with_the_original_formula()
    {
        // MODEL_SPEC §3: "If the generator were used directly, an average LiIon user would reach end of life (70 %) after about 2.4 years."
        var x = PredictionChoices.Original.Conditions("Temperate", "Average", "Medium", 100);
        var f = DegradationForecast.Original(x, OriginalModelParameters.LiIon, endOfLifePercent: 70);
        Assert.InRange(f.EndOfLifeYears!.Value, 2.35, 2.45);
    }

    [Fact]
    public void Cli_prints_predictions_and_forecast()
    {
        var (code, output, error) = Run("degradation", "--chemistry", "LiIon", "--climate", "Hot", "--usage", "Heavy", "--traffic", "High", "--soh", "95", "--forecast");
        Assert.True(code == 0, error);
        Assert.Contains("surrogate: polynomial ridge (Li-ion)", output);
        Assert.Contains("original formula, noise-free (Li-ion)", output);
        Assert.Contains("SoH forecast to 80 %", output);
        (code, output, error) = Run("degradation", "--model", "semi-empirical", "--cell", "Lfp", "--climate", "Cold", "--forecast", "--format", "csv");
        Assert.True(code == 0, error);
        Assert.Contains("semi-empirical LFP", output);
        Assert.Contains("# LFP (Wang et al. 2011 cycle; NREL calendar): SoH forecast to 80 %", output);
    }

    [Theory]
    [InlineData("Cold, Temperate, Hot, VeryHot", "degradation", "--climate", "Arctic")]
    [InlineData("[0, 100]", "degradation", "--soh", "120")]
    [InlineData("LiIon, NaIon", "degradation", "--chemistry", "LeadAcid")]
    [InlineData("original, semi-empirical", "degradation", "--model", "neural")]
    [InlineData("Li-ion cells only", "degradation", "--chemistry", "NaIon", "--model", "semi-empirical")]
    [InlineData("Lfp, Nmc", "degradation", "--model", "semi-empirical", "--cell", "Lto")]
    public void Cli_bad_input_exits_2_with_the_allowed_values(string expected, params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", output);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run([.. args, "--data", TestPaths.Data], o, e);
        return (code, o.ToString(), e.ToString());
    }
}
