using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Cli.Commands;

/// <summary>
/// Options, output and error handling shared by the subcommands. One rule for all of them: option values are matched
/// case-insensitively, any bad input gives one line <c>error: …</c> and exit code 2, and no stack trace is printed.
/// </summary>
public static partial class CliOutput
{
    /// <summary>--format table|csv.</summary>
    public static Option<string> FormatOption() =>
        Choice("--format", "Output format: table (aligned text) or csv (full precision).", "table", "table", "csv");

    /// <summary>--data DIR.</summary>
    public static Option<string?> DataOption() => new("--data")
    {
        Description = "Folder with your own inputs, laid out like the project's data/ folder (default: EVSC_DATA or the nearest data/).",
    };

    /// <summary>An option taking one of <paramref name="allowed"/> (any letter case; the value is the canonical spelling).</summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] allowed) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        HelpName = string.Join("|", allowed),
        CustomParser = r =>
        {
            var text = Single(r, name);
            if (text is null) return defaultValue;
            var hit = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
            if (hit is null) r.AddError($"{name} '{text}' is not allowed; allowed values: {string.Join(", ", allowed)}.");
            return hit ?? defaultValue;
        },
    };

    /// <summary>A whole-number option within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseInt(r, name, min, max) ?? defaultValue,
    };

    /// <summary>An optional whole-number option within [<paramref name="min"/>, <paramref name="max"/>] (null when absent).</summary>
    public static Option<int?> OptionalInt(string name, string description, int min = int.MinValue, int max = int.MaxValue) => new(name)
    {
        Description = description,
        CustomParser = r => ParseInt(r, name, min, max),
    };

    /// <summary>A finite number option within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<double> Double(string name, string description, double defaultValue, double min = double.MinValue, double max = double.MaxValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseDouble(r, name, min, max) ?? defaultValue,
    };

    /// <summary>An optional finite number option within [<paramref name="min"/>, <paramref name="max"/>] (null when absent).</summary>
    public static Option<double?> OptionalDouble(string name, string description, double min = double.MinValue, double max = double.MaxValue) => new(name)
    {
        Description = description,
        CustomParser = r => ParseDouble(r, name, min, max),
    };

    /// <summary>Writes a table as text or CSV.</summary>
    public static void Write(TextWriter output, Table table, string format) =>
        output.Write(format == "csv" ? table.ToCsv() : table.ToText());

    /// <summary>Sets <paramref name="command"/>'s action so that any exception becomes one error line and an exit code
    /// (see <see cref="Fail"/>); the action gets the parse result, standard output and standard error.</summary>
    public static void SetGuardedAction(this Command command, Func<ParseResult, TextWriter, TextWriter, int> action) =>
        command.SetAction(pr =>
        {
            var (stdout, stderr) = (pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error);
            try
            {
                return action(pr, stdout, stderr);
            }
            catch (Exception e)
            {
                return Fail(e, stderr);
            }
        });

    /// <summary>Runs an analysis action, turning any exception into one error line on standard error and an exit code.</summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e)
        {
            return Fail(e, Console.Error);
        }
    }

    /// <summary>
    /// Writes <c>error: message</c> as one line. Bad input (invalid data, an option out of range, a missing or
    /// unreadable file) exits 2; anything else is a fault of evsc, reported as such on one line, exit 1.
    /// </summary>
    public static int Fail(Exception e, TextWriter stderr)
    {
        if (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        if (IsBadInput(e))
        {
            stderr.WriteLine($"error: {Message(e)}");
            return 2;
        }
        stderr.WriteLine($"error: internal error ({e.GetType().Name}: {Message(e)}); please report it with the command line that caused it.");
        return 1;
    }

    /// <summary>True for the exceptions that mean the input (options, files, data) was wrong.</summary>
    public static bool IsBadInput(Exception e) => e is DataValidationException or ArgumentException or IOException
        or UnauthorizedAccessException or FormatException or OverflowException or InvalidOperationException;

    /// <summary>The message on one line, without the "(Parameter 'x')" and "Actual value was …" that .NET appends.</summary>
    public static string Message(Exception e)
    {
        var text = e.Message;
        if (e is ArgumentException)
        {
            text = text.Replace("\r", "").Split('\n')[0];
            text = ParameterSuffix().Replace(text, "");
        }
        return OneLine(text);
    }

    /// <summary>Joins a possibly multi-line message onto one line.</summary>
    public static string OneLine(string text) =>
        string.Join(" ", text.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial Regex ParameterSuffix();

    private static string? Single(ArgumentResult r, string name)
    {
        if (r.Tokens.Count == 0) return null;
        if (r.Tokens.Count > 1) r.AddError($"{name} takes one value, got {r.Tokens.Count}.");
        return r.Tokens[0].Value.Trim();
    }

    private static int? ParseInt(ArgumentResult r, string name, int min, int max)
    {
        var text = Single(r, name);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            r.AddError($"{name} '{text}' is not a whole number{IntRange(min, max)}.");
            return null;
        }
        if (v < min || v > max) r.AddError($"{name} {v} is not allowed{IntRange(min, max)}.");
        return v;
    }

    private static double? ParseDouble(ArgumentResult r, string name, double min, double max)
    {
        var text = Single(r, name);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            r.AddError($"{name} '{text}' is not a finite number{RangeText(min, max)}.");
            return null;
        }
        if (v < min || v > max) r.AddError($"{name} {text} is not allowed{RangeText(min, max)}.");
        return v;
    }

    private static string RangeText(double min, double max) =>
        min <= double.MinValue && max >= double.MaxValue ? "" : $" (allowed range [{Num(min)}, {Num(max)}])";

    private static string IntRange(int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => "",
        (_, int.MaxValue) => $" (allowed: ≥ {min})",
        (int.MinValue, _) => $" (allowed: ≤ {max})",
        _ => $" (allowed range [{min}, {max}])",
    };

    private static string Num(double v) => v <= double.MinValue ? "-∞" : v >= double.MaxValue ? "∞" : v.ToString(CultureInfo.InvariantCulture);
}
