using System.Globalization;
using EvSupplyChain.Cli;

namespace EvSupplyChain.Tests.Cli;

/// <summary>
/// The one rule of every <c>evsc</c> subcommand: option values in any letter case, any bad input is one line
/// <c>error: …</c> on standard error with exit code 2, nothing on standard output, never a stack trace or a .NET
/// decoration such as "(Parameter 'year')".
/// </summary>
public class CliRuleTests
{
    internal static (int Code, string Out, string Err) Evsc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string[] WithData(string args) =>
        [.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--data", TestPaths.Data];

    public static TheoryData<string, string> BadCommandLines() => new()
    {
        { "gaps --year 1800", "2024–2035" },
        { "gaps --year abc", "--year 'abc' is not a whole number" },
        { "gaps --format xml", "--format 'xml' is not allowed; allowed values: table, csv" },
        { "gaps --bogus", "Unrecognized command or argument '--bogus'" },
        { "optimize --objective power", "allowed values: mass, energy" },
        { "optimize --year 2035 --all-years", "either --year or --all-years" },
        { "optimize --year 1990", "1990" },
        { "station --monte-carlo abc", "--monte-carlo 'abc' is not a whole number" },
        { "station --monte-carlo 0", "--monte-carlo 0 is not allowed (allowed: ≥ 1)" },
        { "station --site moon", "moon" },
        { "station --set price=abc", "price" },
        { "station --set price", "KEY=VALUE" },
        { "lithium --step 0", "--step 0 is not allowed" },
        { "lithium --scenario D9", "D9" },
        { "lithium --set recycling_rate=7", "recycling_rate" },
        { "vulnerability --move-to Indonesia", "--move-to needs --move" },
        { "vulnerability --move cathode --move-to Atlantis", "No country 'Atlantis'" },
        { "vulnerability --move sideways", "sideways" },
        { "vulnerability --focal Atlantis", "Atlantis" },
        { "vulnerability --pair LFP-Xx", "LFP-Xx" },
        { "degradation --soh 150", "--soh 150 is not allowed (allowed range [0, 100])" },
        { "degradation --soh -1", "--soh -1 is not allowed" },
        { "degradation --soh NaN", "--soh 'NaN' is not a finite number" },
        { "degradation --eol 0", "--eol 0 is not allowed" },
        { "degradation --model semi-empirical --forecast --soh 80", "--soh 80 is at or below the end-of-life threshold --eol 80" },
        { "degradation --forecast --soh 70", "at or below the end-of-life threshold" },
        { "degradation --model physics", "allowed values: original, semi-empirical" },
        { "degradation --chemistry LiPo", "allowed values: LiIon, NaIon" },
        { "degradation --climate Arctic", "Arctic" },
        { "degradation --model semi-empirical --chemistry NaIon", "Li-ion" },
        { "city --city Phoenix --years 0", "--years 0 is not allowed (allowed range [1, 30])" },
        { "city --city Phoenix --profile nightly", "allowed values: block, home, workplace, fast, mixed, smart" },
        { "city --city Phoenix --storage-mwh -5", "--storage-mwh -5 is not allowed" },
        { "city --city Atlantis", "Atlantis" },
        { "city", "--city" },
        { "render --timeout abc", "--timeout 'abc' is not a finite number" },
        { "nosuch", "Unrecognized command or argument 'nosuch'" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void Bad_input_is_one_line_and_exit_2(string commandLine, string expected)
    {
        var (code, output, err) = Evsc(WithData(commandLine));
        AssertOneLineError(code, output, err);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void Hourly_output_that_is_a_directory_fails_before_any_table()
    {
        var (code, output, err) = Evsc(WithData($"city --city Phoenix --years 1 --hourly {Path.GetTempPath()}"));
        AssertOneLineError(code, output, err);
        Assert.Contains("is a directory", err);
        var missing = Evsc(WithData($"city --city Phoenix --years 1 --hourly {Path.Combine(Path.GetTempPath(), "no-such-evsc-dir", "h.csv")}"));
        AssertOneLineError(missing.Code, missing.Out, missing.Err);
    }

    [Theory]
    [InlineData("optimize --objective Energy --format CSV")]
    [InlineData("gaps --format Csv --year 2030")]
    [InlineData("degradation --model Semi-Empirical --cell NMC --chemistry liion --climate hot --usage TAXI --traffic high")]
    [InlineData("city --city phoenix --years 1 --profile SMART --tariff TOU")]
    [InlineData("vulnerability --focal CHINA --pair lfp-li --move CATHODE --move-to indonesia")]
    [InlineData("station --site URBAN")]
    [InlineData("lithium --scenario d2 --step 50")]
    public void Names_are_matched_in_any_letter_case(string commandLine)
    {
        var (code, output, err) = Evsc(WithData(commandLine));
        Assert.True(code == 0, err);
        Assert.NotEqual("", output);
    }

    [Fact]
    public void Any_case_gives_the_same_result()
    {
        Assert.Equal(Evsc(WithData("optimize --objective energy --format csv")).Out, Evsc(WithData("optimize --objective ENERGY --format CSV")).Out);
        Assert.Equal(Evsc(WithData("vulnerability --move cathode --move-to Indonesia --format csv")).Out.Split('\n').Skip(1),
            Evsc(WithData("vulnerability --move Cathode --move-to INDONESIA --format csv")).Out.Split('\n').Skip(1));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("1")]
    [InlineData("1.5")]
    public void A_very_low_starting_soh_gives_a_final_soh_of_at_least_zero(string soh)
    {
        foreach (var model in new[] { "original", "semi-empirical" })
        {
            var (code, output, err) = Evsc(WithData($"degradation --soh {soh} --model {model} --format csv"));
            Assert.True(code == 0, err);
            var firstTable = string.Join("\n", output.Replace("\r", "").Split('\n').Skip(1).TakeWhile(l => l.Length > 0));
            var rows = EvSupplyChain.Models.Data.CsvData.Parse(new StringReader(firstTable), "stdout", "FinalSohPercent").Rows;
            Assert.NotEmpty(rows);
            foreach (var row in rows)
                Assert.InRange(row.Double("FinalSohPercent"), 0, double.Parse(soh, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_fade_larger_than_the_starting_soh_is_said_so()
    {
        var (code, output, _) = Evsc(WithData("degradation --soh 1.5"));
        Assert.Equal(0, code);
        Assert.Contains("exceeds the starting SoH; final SoH floored at 0 %", output);
        Assert.DoesNotContain("-33", output);
    }

    [Fact]
    public void Semi_empirical_forecast_runs_from_just_above_the_threshold()
    {
        var (code, output, err) = Evsc(WithData("degradation --model semi-empirical --forecast --soh 80.5"));
        Assert.True(code == 0, err);
        Assert.Contains("SoH forecast to 80 %", output);
    }

    [Fact]
    public void No_arguments_prints_the_help()
    {
        var (code, output, _) = Evsc();
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
    }

    [Fact]
    public void An_unexpected_fault_is_one_line_without_a_stack_trace()
    {
        var e = new StringWriter();
        var code = EvSupplyChain.Cli.Commands.CliOutput.Fail(new NullReferenceException("boom"), e);
        Assert.Equal(1, code);
        Assert.Single(e.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: internal error (NullReferenceException: boom)", e.ToString());
    }

    [Fact]
    public void Argument_exceptions_lose_their_dotnet_decoration()
    {
        var message = EvSupplyChain.Cli.Commands.CliOutput.Message(new ArgumentOutOfRangeException("year", 1800, "year must be within 2024–2035"));
        Assert.Equal("year must be within 2024–2035", message);
    }

    internal static void AssertOneLineError(int code, string output, string err)
    {
        Assert.True(code == 2, $"exit {code}; stderr: {err}");
        Assert.Equal("", output);
        var lines = err.Replace("\r", "").TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got:\n{err}");
        Assert.StartsWith("error: ", lines[0]);
        foreach (var noise in new[] { "   at ", "(Parameter '", "Actual value was", "System.", "Exception" })
            Assert.DoesNotContain(noise, err);
    }
}
