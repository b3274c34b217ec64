using System.Globalization;
using EvSupplyChain.Cli;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

/// <summary><c>evsc lp MODEL</c>: solves any LP or MPS file, prints status, objective and values; bad input is one line, exit 2.</summary>
public class LpCommandTests
{
    private static (int Code, string Out, string Err) Evsc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(["lp", .. args], o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string Objective(string csv) =>
        csv.Split('\n').Single(l => l.StartsWith("objective,", StringComparison.Ordinal)).Split(',')[1].Trim();

    [Theory]
    [InlineData("afiro")]
    [InlineData("e226")]
    public void Mps_file_prints_the_optimum_with_every_offered_solver(string problem)
    {
        var expected = NetlibSuiteTests.Suite.Single(e => e.Problem == problem).Objective;
        foreach (var solver in LpSolvers.Names)
        {
            var (code, output, error) = Evsc(NetlibSuiteTests.File(problem), "--solver", solver.ToUpperInvariant(), "--format", "csv");
            Assert.True(code == 0, error);
            var value = double.Parse(Objective(output), CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(value - expected) <= 1e-6 * Math.Abs(expected), $"{solver}: {value:R}");
            Assert.Contains("Optimal", output);
            if (problem == "afiro") Assert.Contains("\nX01,", output.Replace("\r", ""), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Lp_file_and_fixed_mps_give_the_same_optimum()
    {
        var model = MpsFileReader.ReadFile(NetlibSuiteTests.File("afiro"));
        var dir = Directory.CreateTempSubdirectory("evsc-lp-cli-").FullName;
        var lp = Path.Combine(dir, "afiro.lp"); var mps = Path.Combine(dir, "afiro_fixed.mps");
        LpFileWriter.WriteFile(model, lp);
        MpsFileWriter.WriteFile(model, mps, MpsFormat.Fixed);
        var a = Evsc(lp, "--format", "csv");
        var b = Evsc(mps, "--mps-format", "FIXED", "--format", "csv");
        Assert.Equal(0, a.Code);
        Assert.Equal(0, b.Code);
        Assert.Equal(Objective(a.Out), Objective(b.Out));
        Assert.StartsWith("-464.75314285", Objective(a.Out), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("woodinfe", "Infeasible")]
    [InlineData("gas11", "Unbounded")]
    public void Infeasible_and_unbounded_models_print_the_status_and_exit_1(string problem, string status)
    {
        var (code, output, _) = Evsc(NetlibSuiteTests.File(problem));
        Assert.Equal(1, code);
        Assert.Contains(status, output);
        Assert.DoesNotContain("Variables at the optimum", output);
    }

    [Theory]
    [InlineData("/no/such/model.mps", new string[0], "does not exist")]
    [InlineData("AFIRO", new[] { "--solver", "simplex" }, "--solver 'simplex' is not allowed")]
    [InlineData("AFIRO", new[] { "--mps-format", "loose" }, "--mps-format 'loose' is not allowed")]
    public void Bad_input_is_one_line_and_exit_2(string file, string[] options, string message)
    {
        var path = file == "AFIRO" ? NetlibSuiteTests.File("afiro") : file;
        var (code, output, error) = Evsc([path, .. options]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Malformed_lp_file_names_the_file_and_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("evsc-lp-cli-").FullName, "bad.lp");
        File.WriteAllText(file, "max\n obj: x\nst\n c1: x <= \nend\n");
        var (code, output, error) = Evsc(file);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("bad.lp, line 5", error);
    }
}
