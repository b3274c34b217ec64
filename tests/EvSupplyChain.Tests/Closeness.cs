using System.Globalization;

namespace EvSupplyChain.Tests;

/// <summary>The test suite's one relative-closeness assertion.</summary>
internal static class Closeness
{
    /// <summary>Asserts |actual − expected| ≤ <paramref name="relative"/> · max(<paramref name="floor"/>, |expected|, |actual|).
    /// With floor 0 a zero must be exact; a floor of 1 makes values below 1 compare absolutely.</summary>
    public static void Assert(double expected, double actual, double relative, string? what = null, double floor = 0)
    {
        var scale = Math.Max(floor, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        var error = Math.Abs(actual - expected);
        Xunit.Assert.True(error <= relative * scale,
            $"{(what is null ? "" : what + ": ")}expected {expected.ToString("R", CultureInfo.InvariantCulture)}, " +
            $"got {actual.ToString("R", CultureInfo.InvariantCulture)} (relative error {(scale == 0 ? 0 : error / scale):E2})");
    }
}
