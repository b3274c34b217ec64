using System.CommandLine;
using System.Globalization;
using EvSupplyChain.Cli;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary><c>evsc gaps</c>: table and CSV output, options and errors.</summary>
public class GapsCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Csv_has_the_original_labels_and_full_precision()
    {
        var (code, output, err) = Run("gaps", "--format", "csv", "--data", TestPaths.Data);
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        var expected = Golden.Read("gaps_2035.csv", "material", "quantity", "t_per_year");
        var (header, keys) = (expected.Items.Prepend("Material").ToArray(), expected.Keys);
        Assert.Equal(string.Join(",", header.Select(h => h.Contains(',') ? $"\"{h}\"" : h)), lines[0]);
        Assert.Equal(29, lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            Assert.Equal(keys[i - 1], cells[0]);
            for (var c = 1; c < cells.Length; c++)
                Golden.Close(expected[keys[i - 1], header[c]], double.Parse(cells[c], CultureInfo.InvariantCulture), $"{keys[i - 1]} / {header[c]}");
        }
    }

    [Fact]
    public void Table_shows_every_row_and_the_year()
    {
        var (code, output, _) = Run("gaps", "--year", "2030", "--data", Path.Combine(TestPaths.Data, "us-supply-chain"));
        Assert.Equal(0, code);
        Assert.Contains("gap in 2030", output);
        Assert.Contains("Na-ion cell", output);
        Assert.Contains("US (existing & advanced-stage projects)", output);
    }

    [Fact]
    public void Corrected_changes_the_cobalt_gap()
    {
        var original = Run("gaps", "--format", "csv", "--data", TestPaths.Data).Out;
        var (code, corrected, _) = Run("gaps", "--format", "csv", "--corrected", "--data", TestPaths.Data);
        Assert.Equal(0, code);
        string Cobalt(string csv) => csv.Split('\n').Single(l => l.StartsWith("Cobalt,", StringComparison.Ordinal));
        Assert.NotEqual(Cobalt(original), Cobalt(corrected));
    }

    [Fact]
    public void A_year_outside_the_inputs_is_one_clear_error()
    {
        var (code, output, err) = Run("gaps", "--year", "2040", "--data", TestPaths.Data);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("2024–2035", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_missing_data_folder_is_one_clear_error()
    {
        var (code, _, err) = Run("gaps", "--data", Path.Combine(Path.GetTempPath(), "no-such-evsc-folder"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
    }
}
