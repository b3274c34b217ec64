using System.Globalization;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// Reads continuous linear programmes in CPLEX LP format: objective (max/min), constraints (≤ = ≥), bounds (including
/// free and ±inf) and end, with \ and \* *\ comments. Integer sections are rejected. Errors are
/// <see cref="DataValidationException"/>s naming the file and line.
/// </summary>
public sealed class LpFileReader
{
    private enum Kind { Name, Number, Sign, Colon, Sense, End }

    private readonly record struct Token(Kind Kind, string Text, int Line, double Value = 0);

    private readonly string _file;
    private readonly List<Token> _tokens;
    private int _pos;
    private readonly LinearModel _model;

    private LpFileReader(string text, string file)
    {
        _file = file;
        _tokens = Tokenize(text);
        _model = new LinearModel(Path.GetFileNameWithoutExtension(file));
    }

    /// <summary>Reads an LP file.</summary>
    public static LinearModel ReadFile(string path)
    {
        if (!File.Exists(path)) throw new DataValidationException(path, null, null, "the file does not exist");
        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads LP text; <paramref name="name"/> names it in error messages.</summary>
    public static LinearModel Read(string text, string name = "model.lp") => new LpFileReader(text, name).Parse();

    private LinearModel Parse()
    {
        var sense = Keyword(Peek) switch
        {
            "max" => ObjectiveSense.Maximize,
            "min" => ObjectiveSense.Minimize,
            _ => throw Error(Peek, "the file must start with 'maximize' or 'minimize'"),
        };
        _pos++;
        var objName = "obj";
        if (Peek.Kind == Kind.Name && PeekAt(1).Kind == Kind.Colon) { objName = Peek.Text; _pos += 2; }
        var (objTerms, objConst) = LinearForm(stopAtSense: false);
        if (Peek.Kind == Kind.Sense) throw Error(Peek, "the objective cannot contain a relation");
        var constraints = new List<(string Name, List<(string, double, int)> Terms, ConstraintSense Sense, double Rhs, int Line)>();
        if (Keyword(Peek) == "st")
        {
            _pos++;
            while (Peek.Kind != Kind.End && Keyword(Peek) is null)
            {
                var line = Peek.Line;
                var name = $"R{constraints.Count + 1}";
                if (Peek.Kind == Kind.Name && PeekAt(1).Kind == Kind.Colon) { name = Peek.Text; _pos += 2; }
                var (terms, constant) = LinearForm(stopAtSense: true);
                if (Peek.Kind != Kind.Sense) throw Error(Peek, $"constraint '{name}' needs a relation (<=, =, >=) after its terms");
                var rel = Relation(Next());
                var rhs = SignedNumber(allowInfinity: false, $"the right-hand side of constraint '{name}'");
                constraints.Add((name, terms, rel, rhs - constant, line));
            }
        }
        else throw Error(Peek, "expected 'subject to' after the objective");
        var bounds = new List<(string Name, double? Lo, double? Hi, int Line)>();
        while (Peek.Kind != Kind.End)
        {
            var kw = Keyword(Peek);
            if (kw == "bounds") { _pos++; ReadBounds(bounds); continue; }
            if (kw == "integer") throw Error(Peek, $"'{Peek.Text}' sections (integer or binary variables) are not supported: this reader handles continuous LPs only");
            if (kw == "end") { _pos++; break; }
            throw Error(Peek, $"unexpected '{Peek.Text}'; expected 'bounds' or 'end'");
        }
        if (Peek.Kind != Kind.End) throw Error(Peek, $"text after 'end': '{Peek.Text}'");
        return Build(sense, objName, objTerms, objConst, constraints, bounds);
    }

    private LinearModel Build(ObjectiveSense sense, string objName, List<(string, double, int)> objTerms, double objConst,
        List<(string Name, List<(string, double, int)> Terms, ConstraintSense Sense, double Rhs, int Line)> constraints,
        List<(string Name, double? Lo, double? Hi, int Line)> bounds)
    {
        var m = _model;
        // The writer's forms of an objective constant and of ranged rows (GLPK reads no constants): fold them back.
        var special = SpecialVariables(objTerms, constraints, bounds);
        Variable Var(string name, int line)
        {
            if (m.HasVariable(name)) return m.Variable(name);
            try { return m.AddVariable(name); }
            catch (ArgumentException e) { throw new DataValidationException(_file, line, null, e.Message); }
        }
        LinearExpression Expr(List<(string Name, double Coef, int Line)> terms)
        {
            var e = new LinearExpression();
            foreach (var (n, c, l) in terms)
            {
                if (n == LpFileWriter.ObjectiveConstantName && special.Constant) e.AddConstant(c);
                else if (!special.Ranges.ContainsKey(n)) e.Add(Var(n, l), c);
            }
            return e;
        }
        var obj = Expr(objTerms).AddConstant(objConst);
        var rows = constraints.Select(c => (c, Expr(c.Terms))).ToList();
        bounds = [.. bounds.Where(b => !(special.Constant && b.Name == LpFileWriter.ObjectiveConstantName) && !special.Ranges.ContainsKey(b.Name))];
        foreach (var (name, lo, hi, line) in bounds)
        {
            var v = Var(name, line);
            var newLo = lo ?? v.Lower;
            var newHi = hi ?? v.Upper;
            if (newLo > newHi) throw new DataValidationException(_file, line, null, $"bounds of '{name}' are empty: lower {LinearModel.Fmt(newLo)} > upper {LinearModel.Fmt(newHi)}");
            m.SetBounds(v, newLo, newHi);
        }
        try
        {
            m.SetObjective(sense, obj, objName);
            foreach (var (c, e) in rows)
            {
                try
                {
                    if (special.Ranges.TryGetValue(LpFileWriter.RangePrefix + c.Name, out var width)) m.AddRange(c.Name, e, c.Rhs, c.Rhs + width);
                    else m.AddConstraint(c.Name, e, c.Sense, c.Rhs);
                }
                catch (ArgumentException ex) { throw new DataValidationException(_file, c.Line, null, ex.Message); }
            }
        }
        catch (ArgumentException ex) { throw new DataValidationException(_file, null, null, ex.Message); }
        return m;
    }

    /// <summary>Whether the objective constant variable is the writer's (only in the objective, fixed at 1), and the
    /// range slacks that are the writer's (−1 in an equality row ROW only, bounds [0, w] with w &gt; 0), by name → w.</summary>
    private static (bool Constant, Dictionary<string, double> Ranges) SpecialVariables(List<(string Name, double, int)> objTerms,
        List<(string Name, List<(string Name, double Coef, int)> Terms, ConstraintSense Sense, double Rhs, int Line)> constraints,
        List<(string Name, double? Lo, double? Hi, int Line)> bounds)
    {
        var inRows = constraints.SelectMany(c => c.Terms.Select(t => (Row: c, Term: t))).ToLookup(x => x.Term.Name);
        var boundsOf = bounds.ToLookup(b => b.Name);
        var constantName = LpFileWriter.ObjectiveConstantName;
        var constant = objTerms.Count(t => t.Name == constantName) == 1 && !inRows.Contains(constantName)
            && boundsOf[constantName].Count() == 1 && boundsOf[constantName].Single() is { Lo: 1.0, Hi: 1.0 };
        var ranges = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in constraints.Where(c => c.Sense == ConstraintSense.Equal))
        {
            var name = LpFileWriter.RangePrefix + c.Name;
            if (!inRows.Contains(name) || inRows[name].Count() != 1 || inRows[name].Single() is not { Term.Coef: -1.0 } only
                || !ReferenceEquals(only.Row.Terms, c.Terms) || objTerms.Any(t => t.Name == name) || boundsOf[name].Count() != 1) continue;
            if (boundsOf[name].Single() is { Lo: 0.0, Hi: double w } && double.IsFinite(w) && w > 0) ranges[name] = w;
        }
        return (constant, ranges);
    }

    private void ReadBounds(List<(string, double?, double?, int)> bounds)
    {
        while (Peek.Kind != Kind.End && Keyword(Peek) is null)
        {
            var line = Peek.Line;
            if (Peek.Kind == Kind.Name && !IsInfinityAhead())
            {
                var name = Next().Text;
                if (Keyword(Peek) == "free") { _pos++; bounds.Add((name, double.NegativeInfinity, double.PositiveInfinity, line)); continue; }
                if (Peek.Kind != Kind.Sense) throw Error(Peek, $"expected <=, >=, = or 'free' after '{name}' in bounds");
                var rel = Relation(Next());
                var value = SignedNumber(allowInfinity: true, $"the bound of '{name}'");
                bounds.Add(rel switch
                {
                    ConstraintSense.LessOrEqual => (name, null, value, line),
                    ConstraintSense.GreaterOrEqual => (name, value, null, line),
                    _ => (name, value, value, line),
                });
                continue;
            }
            // value rel name [rel value]
            var first = SignedNumber(allowInfinity: true, "a bound");
            if (Peek.Kind != Kind.Sense) throw Error(Peek, "expected <= or >= after the bound value");
            var r1 = Relation(Next());
            if (Peek.Kind != Kind.Name) throw Error(Peek, "expected a variable name in bounds");
            var v = Next().Text;
            double? lo = r1 == ConstraintSense.LessOrEqual ? first : r1 == ConstraintSense.Equal ? first : null;
            double? hi = r1 == ConstraintSense.GreaterOrEqual ? first : r1 == ConstraintSense.Equal ? first : null;
            if (Peek.Kind == Kind.Sense && Peek.Line == line)
            {
                var r2 = Relation(Next());
                var second = SignedNumber(allowInfinity: true, $"the bound of '{v}'");
                if (r2 != r1 || r2 == ConstraintSense.Equal) throw Error(_tokens[_pos - 1], $"a double bound on '{v}' must read 'l <= x <= u' or 'u >= x >= l'");
                if (r2 == ConstraintSense.LessOrEqual) hi = second; else lo = second;
            }
            bounds.Add((v, lo, hi, line));
        }
    }

    private bool IsInfinityAhead() => LpFileWriter.IsInfinity(Peek.Text);

    private (List<(string, double, int)> Terms, double Constant) LinearForm(bool stopAtSense)
    {
        var terms = new List<(string, double, int)>();
        var constant = 0.0;
        var first = true;
        while (true)
        {
            var t = Peek;
            if (t.Kind == Kind.End || t.Kind == Kind.Sense || Keyword(t) is not null) break;
            if (t.Kind == Kind.Name && PeekAt(1).Kind == Kind.Colon) break; // next constraint's name
            var sign = 1.0;
            var hasSign = false;
            while (Peek.Kind == Kind.Sign) { if (Next().Text == "-") sign = -sign; hasSign = true; }
            if (!first && !hasSign) throw Error(Peek, $"expected '+' or '-' before '{Peek.Text}'");
            double? coef = null;
            if (Peek.Kind == Kind.Number) coef = Next().Value;
            if (Peek.Kind == Kind.Name && Keyword(Peek) is null && !(PeekAt(1).Kind == Kind.Colon))
            {
                var name = Next();
                terms.Add((name.Text, sign * (coef ?? 1.0), name.Line));
            }
            else if (coef is { } c) constant += sign * c;
            else throw Error(Peek, Peek.Kind == Kind.End ? "unexpected end of file in a linear expression" : $"expected a number or a variable, found '{Peek.Text}'");
            first = false;
        }
        if (stopAtSense && Peek.Kind != Kind.Sense && terms.Count == 0 && constant == 0)
            throw Error(Peek, "expected a constraint");
        return (terms, constant);
    }

    private double SignedNumber(bool allowInfinity, string what)
    {
        var sign = 1.0;
        while (Peek.Kind == Kind.Sign) if (Next().Text == "-") sign = -sign;
        var t = Peek;
        if (t.Kind == Kind.Number) { _pos++; return sign * t.Value; }
        if (allowInfinity && t.Kind == Kind.Name && LpFileWriter.IsInfinity(t.Text)) { _pos++; return sign * double.PositiveInfinity; }
        throw Error(t, $"expected a number for {what}, found '{(t.Kind == Kind.End ? "end of file" : t.Text)}'");
    }

    private static ConstraintSense Relation(Token t) => t.Text switch
    {
        "<" or "<=" or "=<" => ConstraintSense.LessOrEqual,
        ">" or ">=" or "=>" => ConstraintSense.GreaterOrEqual,
        _ => ConstraintSense.Equal,
    };

    /// <summary>The section keyword a token starts, or null.</summary>
    private string? Keyword(Token t)
    {
        if (t.Kind != Kind.Name) return null;
        var s = t.Text.ToLowerInvariant();
        switch (s)
        {
            case "max" or "maximize" or "maximise" or "maximum": return "max";
            case "min" or "minimize" or "minimise" or "minimum": return "min";
            case "st" or "s.t." or "st.": return "st";
            case "subject to" or "such that": return "st";
            case "bounds" or "bound": return "bounds";
            case "general" or "generals" or "gen" or "integer" or "integers" or "binary" or "binaries" or "bin" or "semi-continuous" or "semis" or "semi": return "integer";
            case "end": return "end";
            case "free": return "free";
            default: return null;
        }
    }

    private Token Peek => _tokens[_pos];
    private Token PeekAt(int k) => _tokens[Math.Min(_pos + k, _tokens.Count - 1)];
    private Token Next() => _tokens[_pos++];

    private DataValidationException Error(Token t, string rule) => new(_file, t.Line, null, rule);

    private List<Token> Tokenize(string text)
    {
        const string nameChars = "!\"#$%&()/,.;?@_`'{}|~[]^";
        var tokens = new List<Token>();
        var line = 1;
        for (var i = 0; i < text.Length;)
        {
            var ch = text[i];
            if (ch == '\n') { line++; i++; continue; }
            if (char.IsWhiteSpace(ch)) { i++; continue; }
            if (ch == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] == '*')
                {
                    var close = text.IndexOf("*\\", i + 2, StringComparison.Ordinal);
                    if (close < 0) throw new DataValidationException(_file, line, null, "a \\* comment is never closed with *\\");
                    line += text.AsSpan(i, close - i).Count('\n');
                    i = close + 2;
                }
                else while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (ch is '<' or '>' or '=')
            {
                var op = ch.ToString();
                if (i + 1 < text.Length && text[i + 1] is '<' or '>' or '=' && text[i + 1] != ch) { op += text[i + 1]; i++; }
                if (op is "<>" or "><") throw new DataValidationException(_file, line, null, $"'{op}' is not a relation");
                tokens.Add(new Token(Kind.Sense, op, line));
                i++;
                continue;
            }
            if (ch is '+' or '-') { tokens.Add(new Token(Kind.Sign, ch.ToString(), line)); i++; continue; }
            if (ch == ':') { tokens.Add(new Token(Kind.Colon, ":", line)); i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(ch) || (ch == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                if (i < text.Length && text[i] is 'e' or 'E' && i + 1 < text.Length
                    && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '+' or '-' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
                {
                    i += 2;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                var s = text[start..i];
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new DataValidationException(_file, line, null, $"'{s}' is not a valid number");
                if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
                    throw new DataValidationException(_file, line, null, $"'{s}{text[i]}…': a name cannot start with a digit");
                tokens.Add(new Token(Kind.Number, s, line, v));
                continue;
            }
            if (char.IsAsciiLetter(ch) || nameChars.Contains(ch))
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || nameChars.Contains(text[i]))) i++;
                tokens.Add(new Token(Kind.Name, text[start..i], line));
                continue;
            }
            throw new DataValidationException(_file, line, null, $"unexpected character '{ch}'");
        }
        tokens.Add(new Token(Kind.End, "", line));
        // The two-word section keywords become one token.
        for (var k = tokens.Count - 2; k >= 0; k--)
        {
            var pair = tokens[k].Kind == Kind.Name && tokens[k + 1].Kind == Kind.Name ? (tokens[k].Text + " " + tokens[k + 1].Text).ToLowerInvariant() : "";
            if (pair is "subject to" or "such that") { tokens[k] = tokens[k] with { Text = pair }; tokens.RemoveAt(k + 1); }
        }
        return tokens;
    }
}
