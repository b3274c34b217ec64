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

    /// <summary>A long golden CSV (key, item, value per row): keys and items in order of first appearance.</summary>
    public static LongFrame Read(string file, string keyColumn, string itemColumn, string valueColumn)
    {
        var data = CsvData.Load(TestPaths.TestData("UsSupplyChain", file), keyColumn, itemColumn, valueColumn).RequireUniqueKey(keyColumn, itemColumn);
        var (keys, items, values) = (new List<string>(), new List<string>(), new Dictionary<(string, string), double>());
        foreach (var row in data.Rows)
        {
            var (key, item) = (row.RequiredText(keyColumn), row.RequiredText(itemColumn));
            if (!keys.Contains(key)) keys.Add(key);
            if (!items.Contains(item)) items.Add(item);
            values[(key, item)] = row.Double(valueColumn);
        }
        return new LongFrame([.. keys], [.. items], values);
    }

    /// <summary>Asserts |actual − expected| ≤ tol·max(|actual|, |expected|) (so zeros must be exact).</summary>
    public static void Close(double expected, double actual, string what, double tolerance = Relative) =>
        Closeness.Assert(expected, actual, tolerance, what);
}

/// <summary>A golden frame in long form; a (key, item) pair without a row is NaN (not given).</summary>
internal sealed record LongFrame(string[] Keys, string[] Items, IReadOnlyDictionary<(string Key, string Item), double> Values)
{
    public double this[string key, string item] => Values.TryGetValue((key, item), out var v) ? v : double.NaN;
}
