using System.Globalization;
using System.Text;

namespace EvSupplyChain.Models.Optimization;

/// <summary>Writes a <see cref="LinearModel"/> in CPLEX LP format (read by GLPK, HiGHS, CBC, CPLEX and <see cref="LpFileReader"/>).</summary>
public static class LpFileWriter
{
    /// <summary>The model as CPLEX LP text. Numbers are written in shortest round-trip form.</summary>
    /// <param name="model">The model.</param>
    /// <param name="listAllVariablesInObjective">Also list variables with a zero objective coefficient ("+0 x") so that
    /// readers that number columns by first appearance (GLPK) keep the model's variable order.</param>
    public static string Write(LinearModel model, bool listAllVariablesInObjective = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var v in model.Variables) CheckName(v.Name, "variable");
        foreach (var c in model.Constraints) CheckName(c.Name, "constraint");
        CheckName(model.ObjectiveName, "objective");
        var sb = new StringBuilder();
        sb.Append("\\* ").Append(model.Name.Replace("*\\", "")).Append(" *\\\n\n");
        sb.Append(model.Sense == ObjectiveSense.Maximize ? "max\n" : "min\n").Append(model.ObjectiveName).Append(":\n");
        var terms = model.Objective.ToList();
        if (listAllVariablesInObjective || terms.Count == 0)
        {
            var coef = new double[model.Variables.Count];
            foreach (var (v, a) in terms) coef[v.Index] = a;
            terms = model.Variables.Select(v => (v, coef[v.Index])).ToList();
        }
        foreach (var (v, a) in terms) sb.Append(Coef(a)).Append(' ').Append(v.Name).Append('\n');
        if (model.ObjectiveConstant != 0) sb.Append(Coef(model.ObjectiveConstant)).Append('\n');
        sb.Append("\ns.t.\n\n");
        foreach (var c in model.Constraints)
        {
            sb.Append(c.Name).Append(":\n");
            if (c.Terms.Count == 0 && model.Variables.Count > 0) sb.Append("+0 ").Append(model.Variables[0].Name).Append('\n');
            foreach (var (v, a) in c.Terms) sb.Append(Coef(a)).Append(' ').Append(v.Name).Append('\n');
            sb.Append(c.Sense switch { ConstraintSense.LessOrEqual => "<= ", ConstraintSense.Equal => "= ", _ => ">= " })
              .Append(Num(c.Rhs)).Append("\n\n");
        }
        sb.Append("bounds\n");
        foreach (var v in model.Variables)
            sb.Append("   ").Append(Bound(v.Lower)).Append(" <= ").Append(v.Name).Append(" <= ").Append(Bound(v.Upper)).Append('\n');
        sb.Append("end\n");
        return sb.ToString();
    }

    /// <summary>Writes the model to a file.</summary>
    public static void WriteFile(LinearModel model, string path, bool listAllVariablesInObjective = false) =>
        File.WriteAllText(path, Write(model, listAllVariablesInObjective));

    private static string Coef(double a) => (a < 0 || (a == 0 && double.IsNegative(a)) ? "-" : "+") + Num(Math.Abs(a));

    private static string Num(double a) => (a + 0.0).ToString("R", CultureInfo.InvariantCulture);

    private static string Bound(double b) => double.IsPositiveInfinity(b) ? "+inf" : double.IsNegativeInfinity(b) ? "-inf" : Num(b);

    /// <summary>LP names: at most 255 characters from letters, digits and !"#$%&amp;()/,.;?@_`'{}|~, not starting with a digit or '.'.</summary>
    internal static void CheckName(string name, string what)
    {
        const string extra = "!\"#$%&()/,.;?@_`'{}|~";
        var bad = name.FirstOrDefault(ch => !(char.IsAsciiLetterOrDigit(ch) || extra.Contains(ch)));
        if (name.Length > 255 || bad != default || char.IsAsciiDigit(name[0]) || name[0] == '.' || IsInfinity(name))
            throw new ArgumentException($"The {what} name '{name}' cannot be written in LP format (allowed: up to 255 letters, digits and !\"#$%&()/,.;?@_`'{{}}|~, not starting with a digit or '.').");
    }

    internal static bool IsInfinity(string s) => s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase);
}
