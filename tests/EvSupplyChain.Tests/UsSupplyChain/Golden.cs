using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>Golden frames copied from the original's outputs (see TestData/README.md) and the comparisons the tests use.</summary>
internal static class Golden
{
    public const double Relative = 1e-9;

    private static readonly Lazy<UsSupplyChainInputs> LazyInputs = new(() => UsSupplyChainInputs.Load(DataFolder));

    public static string DataFolder => Path.Combine(TestPaths.Data, "us-supply-chain");

    /// <summary>The project's inputs, loaded once.</summary>
    public static UsSupplyChainInputs Inputs => LazyInputs.Value;

    /// <summary>A golden CSV as (first-column key → column → value); empty cells are NaN.</summary>
    public static (string[] Header, Dictionary<string, double[]> Rows, string[] Keys) Read(string file)
    {
        var data = CsvData.Load(TestPaths.TestData("UsSupplyChain", file));
        var header = data.Header.ToArray();
        var rows = new Dictionary<string, double[]>();
        var keys = new List<string>();
        foreach (var row in data.Rows)
        {
            var key = row.Text(header[0]);
            keys.Add(key);
            rows[key] = header.Skip(1).Select(h => row.IsEmpty(h) ? double.NaN : double.Parse(row.Text(h), CultureInfo.InvariantCulture)).ToArray();
        }
        return (header, rows, keys.ToArray());
    }

    /// <summary>Asserts |actual − expected| ≤ tol·max(|actual|, |expected|) (so zeros must be exact).</summary>
    public static void Close(double expected, double actual, string what, double tolerance = Relative)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale,
            $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (relative error {(scale == 0 ? 0 : Math.Abs(actual - expected) / scale):E2})");
    }
}
