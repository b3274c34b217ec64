using System.Globalization;
using System.Text;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// Writes a <see cref="LinearModel"/> in CPLEX LP format, as GLPK's <c>glpsol --lp</c> and <see cref="LpFileReader"/>
/// read it. A name the format cannot hold (a section keyword such as end, st, bounds or free; a name starting with a
/// digit or '.'; a character outside the format's set) is written escaped: its bad characters become '_' and it gets a
/// '~' prefix (plus a number if that is taken), and a comment lists each escape. GLPK accepts no constant term in a
/// linear form, so the objective constant is written as the variable <see cref="ObjectiveConstantName"/> fixed at 1, and
/// a ranged row lower ≤ a·x ≤ upper as a·x − s = lower with the variable <c>~range_ROW</c> in [0, upper − lower] (GLPK's
/// own form); <see cref="LpFileReader"/> folds both back.
/// </summary>
public static class LpFileWriter
{
    /// <summary>The fixed variable that carries the objective constant.</summary>
    public const string ObjectiveConstantName = "~objective_constant";

    /// <summary>Prefix of the slack variable of a ranged row.</summary>
    public const string RangePrefix = "~range_";

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "max", "maximize", "maximise", "maximum", "min", "minimize", "minimise", "minimum", "st", "s.t.", "st.", "subject",
        "such", "bounds", "bound", "general", "generals", "gen", "integer", "integers", "binary", "binaries", "bin",
        "semi", "semis", "semi-continuous", "end", "free", "inf", "infinity",
    };

    /// <summary>The model as CPLEX LP text. Numbers are written in shortest round-trip form.</summary>
    /// <param name="model">The model.</param>
    /// <param name="listAllVariablesInObjective">Also list variables with a zero objective coefficient ("+0 x") so that
    /// readers that number columns by first appearance (GLPK) keep the model's variable order.</param>
    public static string Write(LinearModel model, bool listAllVariablesInObjective = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        // Variables and rows are separate name spaces; the objective is a row.
        var (varNames, rowNames) = (new Names(), new Names());
        var vars = model.Variables.Select(v => varNames.Of(v.Name)).ToArray();
        var objective = rowNames.Of(model.ObjectiveName);
        var rows = model.Constraints.Select(c => rowNames.Of(c.Name)).ToArray();
        var sb = new StringBuilder();
        sb.Append("\\* ").Append(model.Name.Replace("*\\", "")).Append(" *\\\n");
        foreach (var (from, to) in varNames.Escaped.Concat(rowNames.Escaped)) sb.Append("\\ name ").Append(from).Append(" is written ").Append(to).Append('\n');
        sb.Append('\n').Append(model.Sense == ObjectiveSense.Maximize ? "max\n" : "min\n").Append(objective).Append(":\n");
        var terms = model.Objective.ToList();
        if (listAllVariablesInObjective || terms.Count == 0)
        {
            var coef = new double[model.Variables.Count];
            foreach (var (v, a) in terms) coef[v.Index] = a;
            terms = model.Variables.Select(v => (v, coef[v.Index])).ToList();
        }
        foreach (var (v, a) in terms) sb.Append(Coef(a)).Append(' ').Append(vars[v.Index]).Append('\n');
        if (model.ObjectiveConstant != 0) sb.Append(Coef(model.ObjectiveConstant)).Append(' ').Append(ObjectiveConstantName).Append('\n');
        sb.Append("\ns.t.\n\n");
        foreach (var c in model.Constraints)
        {
            sb.Append(rows[c.Index]).Append(":\n");
            if (c.Terms.Count == 0 && model.Variables.Count > 0) sb.Append("+0 ").Append(vars[0]).Append('\n');
            foreach (var (v, a) in c.Terms) sb.Append(Coef(a)).Append(' ').Append(vars[v.Index]).Append('\n');
            if (c.Sense == ConstraintSense.Range) sb.Append("-1 ").Append(RangePrefix).Append(rows[c.Index]).Append('\n');
            sb.Append(c.Sense switch { ConstraintSense.LessOrEqual => "<= ", ConstraintSense.GreaterOrEqual => ">= ", _ => "= " })
              .Append(Num(c.Sense == ConstraintSense.Range ? c.Lower : c.Rhs)).Append("\n\n");
        }
        sb.Append("bounds\n");
        foreach (var v in model.Variables)
            sb.Append("   ").Append(Bound(v.Lower)).Append(" <= ").Append(vars[v.Index]).Append(" <= ").Append(Bound(v.Upper)).Append('\n');
        foreach (var c in model.Constraints.Where(c => c.Sense == ConstraintSense.Range))
            sb.Append("   0 <= ").Append(RangePrefix).Append(rows[c.Index]).Append(" <= ").Append(Num(c.Upper - c.Lower)).Append('\n');
        if (model.ObjectiveConstant != 0) sb.Append("   ").Append(ObjectiveConstantName).Append(" = 1\n");
        sb.Append("end\n");
        return sb.ToString();
    }

    /// <summary>Writes the model to a file.</summary>
    public static void WriteFile(LinearModel model, string path, bool listAllVariablesInObjective = false) =>
        File.WriteAllText(path, Write(model, listAllVariablesInObjective));

    private static string Coef(double a) => (a < 0 || (a == 0 && double.IsNegative(a)) ? "-" : "+") + Num(Math.Abs(a));

    private static string Num(double a) => (a + 0.0).ToString("R", CultureInfo.InvariantCulture);

    private static string Bound(double b) => double.IsPositiveInfinity(b) ? "+inf" : double.IsNegativeInfinity(b) ? "-inf" : Num(b);

    private const string Extra = "!\"#$%&()/,.;?@_`'{}|~";

    /// <summary>True when <paramref name="name"/> can be written as it is: up to 255 letters, digits and
    /// !"#$%&amp;()/,.;?@_`'{}|~, not starting with a digit, '.' or '~', and not a keyword.</summary>
    public static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 255 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || Extra.Contains(ch))
        && !char.IsAsciiDigit(name[0]) && name[0] is not ('.' or '~') && !Keywords.Contains(name);

    internal static bool IsInfinity(string s) => s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase);

    /// <summary>Escapes names consistently within one file: ~name_with_bad_characters_replaced[~n].</summary>
    private sealed class Names
    {
        private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
        public List<(string From, string To)> Escaped { get; } = [];

        public string Of(string name)
        {
            if (_map.TryGetValue(name, out var known)) return known;
            var written = name;
            if (!IsPlainName(name) || _used.Contains(name))
            {
                var core = new string([.. name.Select(ch => char.IsAsciiLetterOrDigit(ch) || Extra.Contains(ch) ? ch : '_')]);
                core = "~" + core[..Math.Min(core.Length, 240)];
                written = core;
                for (var k = 2; _used.Contains(written) || written == ObjectiveConstantName || written.StartsWith(RangePrefix, StringComparison.Ordinal); k++)
                    written = $"{core}~{k}";
                Escaped.Add((name, written));
            }
            _map[name] = written;
            _used.Add(written);
            return written;
        }
    }
}
