using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.Degradation;

/// <summary>The climate / usage / traffic choice files: an empty or repeated choice is an error naming the file.</summary>
public class ChoiceFileTests
{
    private static string CopyWith(string file, Func<string[], string[]> edit)
    {
        var dir = Directory.CreateTempSubdirectory("evsc-degradation-").FullName;
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Data, "degradation"))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var path = Path.Combine(dir, file);
        File.WriteAllLines(path, edit(File.ReadAllLines(path)));
        return dir;
    }

    [Theory]
    [InlineData("climates.csv")]
    [InlineData("usage_profiles.csv")]
    [InlineData("traffic_levels.csv")]
    public void A_header_only_choice_file_is_an_error_naming_it(string file)
    {
        var dir = CopyWith(file, lines => lines[..1]);
        var e = Assert.Throws<DataValidationException>(() => PredictionChoices.Load(dir));
        Assert.EndsWith(file, e.File);
        Assert.Contains("no data rows", e.Message);
        var (code, output, err) = Cli.CliRuleTests.Evsc("degradation", "--data", dir);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(file, err);
        Assert.DoesNotContain("allowed values: .", err);
    }

    [Fact]
    public void A_repeated_choice_is_an_error_naming_file_and_lines()
    {
        var dir = CopyWith("climates.csv", lines => [.. lines, lines[2].ToLowerInvariant()]);
        var e = Assert.Throws<DataValidationException>(() => PredictionChoices.Load(dir));
        Assert.EndsWith("climates.csv", e.File);
        Assert.Equal(File.ReadAllLines(Path.Combine(dir, "climates.csv")).Length, e.Line);
        Assert.Contains("first seen on line 3", e.Message);
    }
}
