namespace EvSupplyChain.Tests.Display;

/// <summary>
/// Compares rendered text with an approved file under Display/TestData/. On a mismatch the new text is written
/// beside the approved file as <c>NAME.received.EXT</c> for a diff. <c>EVSC_APPROVE=1</c> writes the approved file
/// instead and fails the test, so an approval run is never a pass (review the diff, rerun without it, commit).
/// </summary>
public static class Golden
{
    private static string SourceFolder => Path.Combine(TestPaths.RepoRoot, "tests", "EvSupplyChain.Tests", "Display", "TestData");

    /// <summary>Fails unless <paramref name="actual"/> equals the approved file <paramref name="name"/>.</summary>
    public static void Verify(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("EVSC_APPROVE") == "1")
        {
            Directory.CreateDirectory(SourceFolder);
            File.WriteAllText(Path.Combine(SourceFolder, name), actual);
            // An approval run never passes without comparing: it writes the file and fails, so review and rerun.
            Assert.Fail($"EVSC_APPROVE=1 wrote the approved file {name}; review the diff, then rerun without EVSC_APPROVE to compare.");
        }
        var approved = TestPaths.TestData("Display", name);
        Assert.True(File.Exists(approved), $"No approved file {name}: run the test with EVSC_APPROVE=1, review, commit.");
        var expected = File.ReadAllText(approved).Replace("\r\n", "\n");
        if (expected != actual && Directory.Exists(SourceFolder))
            File.WriteAllText(Path.Combine(SourceFolder, Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name)), actual);
        Assert.Equal(expected, actual);
    }
}
