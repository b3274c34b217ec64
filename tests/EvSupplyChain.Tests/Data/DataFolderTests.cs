using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Tests.Data;

/// <summary>The data-folder locator: explicit path, else EVSC_DATA, else the nearest data/ above the start folder.</summary>
public class DataFolderTests
{
    /// <summary>root/data, root/explicit, root/env and root/work/deep (a start folder below root).</summary>
    private static (string Root, string Data, string Explicit, string Env, string Deep) Layout()
    {
        var root = Directory.CreateTempSubdirectory("evsc-data-").FullName;
        string Make(string p) => Directory.CreateDirectory(Path.Combine(root, p)).FullName;
        return (root, Make("data"), Make("explicit"), Make("env"), Make(Path.Combine("work", "deep")));
    }

    private static Func<string, string?> Env(string? value) => name => name == DataFolder.EnvironmentVariable ? value : null;

    [Fact]
    public void Explicit_path_wins_over_the_environment_and_the_nearest_data_folder()
    {
        var l = Layout();
        Assert.Equal(l.Explicit, DataFolder.Locate(l.Explicit, l.Deep, Env(l.Env)));
    }

    [Fact]
    public void Environment_variable_wins_over_the_nearest_data_folder()
    {
        var l = Layout();
        Assert.Equal(l.Env, DataFolder.Locate(null, l.Deep, Env(l.Env)));
        Assert.Equal(l.Env, DataFolder.Locate("  ", l.Deep, Env(l.Env)));
    }

    [Fact]
    public void Otherwise_the_nearest_data_folder_at_or_above_the_start_folder()
    {
        var l = Layout();
        Assert.Equal(l.Data, DataFolder.Locate(null, l.Deep, Env(null)));
        Assert.Equal(l.Data, DataFolder.Locate(null, l.Root, Env("")));
        var nearer = Directory.CreateDirectory(Path.Combine(l.Root, "work", "data")).FullName;
        Assert.Equal(nearer, DataFolder.Locate(null, l.Deep, Env(null)));
    }

    [Fact]
    public void Missing_explicit_folder_is_named()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataFolder.Locate("/nonexistent/inputs", null, Env(null)));
        Assert.Equal("The data folder '/nonexistent/inputs' does not exist.", e.Message);
    }

    [Fact]
    public void Missing_environment_folder_names_the_variable()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataFolder.Locate(null, null, Env("/nonexistent/env")));
        Assert.Equal("EVSC_DATA points to '/nonexistent/env', which does not exist.", e.Message);
    }

    [Fact]
    public void No_data_folder_anywhere_says_how_to_give_one()
    {
        // The file-system root has no data/ folder on a test machine; start there so nothing above can match.
        var start = Path.GetPathRoot(Path.GetTempPath())!;
        // Where the root does hold data/, the locator must find exactly that folder: the test asserts either way.
        if (Directory.Exists(Path.Combine(start, "data")))
        {
            Assert.Equal(Path.Combine(start, "data"), DataFolder.Locate(null, start, Env(null)));
            return;
        }
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataFolder.Locate(null, start, Env(null)));
        Assert.Contains("Pass a path (--data DIR) or set EVSC_DATA", e.Message);
    }

    [Fact]
    public void Public_locate_uses_an_explicit_path_first()
    {
        var l = Layout();
        Assert.Equal(l.Explicit, DataFolder.Locate(l.Explicit));
    }

    [Fact]
    public void Analysis_folder_from_a_whole_data_folder_or_straight_from_the_analysis_folder()
    {
        var l = Layout();
        var us = Directory.CreateDirectory(Path.Combine(l.Explicit, "us-supply-chain")).FullName;
        Assert.Equal(us, DataFolder.Analysis("us-supply-chain", l.Explicit));
        Assert.Equal(us, DataFolder.Analysis("us-supply-chain", us));
    }

    [Fact]
    public void The_repository_data_folder_is_found_from_the_test_folder() =>
        Assert.Equal(TestPaths.Data, DataFolder.Locate(null, Path.Combine(TestPaths.RepoRoot, "tests"), Env(null)));
}
