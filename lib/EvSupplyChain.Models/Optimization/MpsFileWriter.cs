using System.Globalization;
using System.Text;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// Writes a <see cref="LinearModel"/> in MPS format, read back by <see cref="MpsFileReader"/>, GLPK, HiGHS, CPLEX and
/// OR-Tools. Free MPS keeps every number exactly (shortest round-trip form). Fixed MPS holds names of at most 8
/// characters (longer ones are an error naming them) and numbers of at most 12 characters, so a value whose exact form is
/// longer is rounded to the most significant digits that fit. A maximisation is written with an OBJSENSE MAX section;
/// the objective constant as the objective row's right-hand side with opposite sign; a ranged row as an L row with its
/// upper limit and a RANGES entry of upper − lower.
/// </summary>
public static class MpsFileWriter
{
    /// <summary>The model as MPS text. With <paramref name="objectiveSense"/> false a maximisation is written without its
    /// OBJSENSE section (GLPK rejects the section; run <c>glpsol --max</c> instead).</summary>
    public static string Write(LinearModel model, MpsFormat format = MpsFormat.Free, bool objectiveSense = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fixedFormat = format == MpsFormat.Fixed;
        var objective = model.ObjectiveName;
        while (model.Constraints.Any(c => c.Name == objective)) objective += "_obj";
        if (fixedFormat)
        {
            var tooLong = model.Variables.Select(v => v.Name).Concat(model.Constraints.Select(c => c.Name)).Append(objective)
                .FirstOrDefault(n => n.Length > 8);
            if (tooLong is not null)
                throw new ArgumentException($"Fixed MPS holds names of up to 8 characters; '{tooLong}' has {tooLong.Length}. Write free MPS instead.");
        }
        var sb = new StringBuilder();
        void Line(string type, string a, string b = "", string n1 = "", string c = "", string n2 = "")
        {
            if (!fixedFormat)
            {
                sb.Append(' ').Append(type.Length > 0 ? type + " " : "   ").Append(string.Join(' ', new[] { a, b, n1, c, n2 }.Where(x => x.Length > 0))).Append('\n');
                return;
            }
            var line = $" {type,-2} {a,-8}  {b,-8}  {n1,12}   {c,-8}  {n2,12}".TrimEnd();
            sb.Append(line).Append('\n');
        }
        string N(double x) => fixedFormat ? Fixed12(x) : Num(x);

        sb.Append("NAME          ").Append(fixedFormat ? model.Name[..Math.Min(8, model.Name.Length)] : model.Name.Replace(' ', '_')).Append('\n');
        if (model.Sense == ObjectiveSense.Maximize && objectiveSense) sb.Append("OBJSENSE\n    MAX\n");
        sb.Append("ROWS\n");
        Line("N", objective);
        foreach (var c in model.Constraints)
            Line(c.Sense switch { ConstraintSense.Equal => "E", ConstraintSense.GreaterOrEqual => "G", _ => "L" }, c.Name);
        sb.Append("COLUMNS\n");
        var entries = model.Variables.Select(_ => new List<(string Row, double Value)>()).ToArray();
        foreach (var (v, a) in model.Objective) entries[v.Index].Add((objective, a));
        foreach (var c in model.Constraints)
            foreach (var (v, a) in c.Terms) entries[v.Index].Add((c.Name, a));
        foreach (var v in model.Variables)
        {
            if (entries[v.Index].Count == 0) entries[v.Index].Add((objective, 0.0)); // a column must appear to exist
            foreach (var (row, a) in entries[v.Index]) Line("", v.Name, row, N(a));
        }
        sb.Append("RHS\n");
        foreach (var c in model.Constraints.Where(c => c.Rhs != 0)) Line("", "RHS", c.Name, N(c.Rhs));
        if (model.ObjectiveConstant != 0) Line("", "RHS", objective, N(-model.ObjectiveConstant));
        var ranged = model.Constraints.Where(c => c.Sense == ConstraintSense.Range).ToArray();
        if (ranged.Length > 0)
        {
            sb.Append("RANGES\n");
            foreach (var c in ranged) Line("", "RNG", c.Name, N(c.Upper - c.Lower));
        }
        var bounded = model.Variables.Where(v => v.Lower != 0 || !double.IsPositiveInfinity(v.Upper)).ToArray();
        if (bounded.Length > 0)
        {
            sb.Append("BOUNDS\n");
            foreach (var v in bounded)
            {
                if (v.Lower == v.Upper) { Line("FX", "BND", v.Name, N(v.Lower)); continue; }
                if (double.IsNegativeInfinity(v.Lower) && double.IsPositiveInfinity(v.Upper)) { Line("FR", "BND", v.Name); continue; }
                if (double.IsNegativeInfinity(v.Lower)) Line("MI", "BND", v.Name);
                else if (v.Lower != 0) Line("LO", "BND", v.Name, N(v.Lower));
                if (double.IsFinite(v.Upper)) Line("UP", "BND", v.Name, N(v.Upper));
            }
        }
        sb.Append("ENDATA\n");
        return sb.ToString();
    }

    /// <summary>Writes the model to a file.</summary>
    public static void WriteFile(LinearModel model, string path, MpsFormat format = MpsFormat.Free, bool objectiveSense = true) =>
        File.WriteAllText(path, Write(model, format, objectiveSense));

    private static string Num(double a) => (a + 0.0).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The shortest exact form if it fits in 12 characters, else the most significant digits that fit.</summary>
    internal static string Fixed12(double a)
    {
        var exact = Num(a);
        if (exact.Length <= 12) return exact;
        for (var digits = 12; digits >= 1; digits--)
        {
            var s = (a + 0.0).ToString("G" + digits, CultureInfo.InvariantCulture).Replace("E+", "E").Replace("E-0", "E-").Replace("E0", "E");
            if (s.Length <= 12) return s;
        }
        throw new ArgumentException($"The number {exact} cannot be written in 12 characters.");
    }
}
