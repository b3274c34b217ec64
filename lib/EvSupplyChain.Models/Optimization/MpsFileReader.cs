using System.Globalization;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.Optimization;

/// <summary>Free MPS (fields separated by white space) or fixed MPS (fields at fixed columns, names up to 8 characters).</summary>
public enum MpsFormat
{
    /// <summary>Fields separated by white space; names without spaces, any length.</summary>
    Free,
    /// <summary>Fields in columns 2–3, 5–12, 15–22, 25–36, 40–47 and 50–61.</summary>
    Fixed,
}

/// <summary>
/// Reads continuous linear programmes in MPS format (free or fixed): NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS
/// (UP, LO, FX, FR, MI, PL), ENDATA; lines starting with * are comments. Conventions (those of CPLEX, HiGHS and OR-Tools):
/// the first N row is the objective and other N rows are dropped; a right-hand side on the objective row is the
/// objective constant with opposite sign (constant = −RHS; GLPK 5.0 adds +RHS instead); only the first RHS, RANGES and
/// BOUNDS set is read; an UP bound below zero on a variable whose lower bound is 0 makes the lower bound −∞.
/// Integer markers and integer bound types are rejected. Errors are <see cref="DataValidationException"/>s naming the
/// file and line.
/// </summary>
public sealed class MpsFileReader
{
    private readonly string _file;
    private readonly MpsFormat _format;
    private readonly LinearModel _model;
    private string? _objective;
    private readonly Dictionary<string, (ConstraintSense Sense, List<(Variable, double)> Terms, int Line)> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _rowOrder = [];
    private readonly HashSet<string> _freeRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _rhs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _ranges = new(StringComparer.Ordinal);
    private readonly List<(Variable, double)> _objectiveTerms = [];
    private double _constant;
    private ObjectiveSense _sense = ObjectiveSense.Minimize;
    private string? _rhsSet, _rangeSet, _boundSet;
    private int _line;

    private MpsFileReader(string file, MpsFormat format, string name)
    {
        _file = file;
        _format = format;
        _model = new LinearModel(name);
    }

    /// <summary>Reads an MPS file; with no <paramref name="format"/> free MPS is tried first, then fixed.</summary>
    public static LinearModel ReadFile(string path, MpsFormat? format = null)
    {
        if (!File.Exists(path)) throw new DataValidationException(path, null, null, "the file does not exist");
        return Read(File.ReadAllText(path), path, format);
    }

    /// <summary>Reads MPS text; <paramref name="name"/> names it in error messages. With no <paramref name="format"/>
    /// free MPS is tried first and fixed MPS second; if both fail the free reader's error is raised.</summary>
    public static LinearModel Read(string text, string name = "model.mps", MpsFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (format is { } f) return new MpsFileReader(name, f, Path.GetFileNameWithoutExtension(name)).Parse(text);
        try { return new MpsFileReader(name, MpsFormat.Free, Path.GetFileNameWithoutExtension(name)).Parse(text); }
        catch (DataValidationException free)
        {
            try { return new MpsFileReader(name, MpsFormat.Fixed, Path.GetFileNameWithoutExtension(name)).Parse(text); }
            catch (DataValidationException) { throw free; }
        }
    }

    private LinearModel Parse(string text)
    {
        var section = "";
        var ended = false;
        var modelName = _model.Name;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            _line = i + 1;
            var raw = lines[i].TrimEnd('\r');
            if (raw.Length == 0 || raw[0] == '*' || raw.Trim().Length == 0) continue;
            if (ended) throw Error("text after ENDATA");
            if (!char.IsWhiteSpace(raw[0]))
            {
                var head = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                section = head[0].ToUpperInvariant();
                switch (section)
                {
                    case "NAME": if (head.Length > 1) modelName = head[1]; break;
                    case "OBJSENSE" when head.Length > 1: _sense = Sense(head[1]); section = ""; break;
                    case "OBJSENSE" or "ROWS" or "COLUMNS" or "RHS" or "RANGES" or "BOUNDS": break;
                    case "ENDATA": ended = true; break;
                    case "OBJNAME": break;
                    default: throw Error($"unknown section '{head[0]}' (expected NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS or ENDATA)");
                }
                continue;
            }
            var f = Fields(raw);
            if (f.Length == 0) continue;
            switch (section)
            {
                case "OBJSENSE": _sense = Sense(f[0]); break;
                case "ROWS": Row(f); break;
                case "COLUMNS": Column(f); break;
                case "RHS": Pairs(f, ref _rhsSet, "RHS", (row, v) => { if (row == _objective) _constant = -v; else _rhs[row] = v; }); break;
                case "RANGES": Pairs(f, ref _rangeSet, "RANGES", Range); break;
                case "BOUNDS": Bound(f); break;
                case "OBJNAME": break;
                default: throw Error("a data line outside ROWS, COLUMNS, RHS, RANGES or BOUNDS");
            }
        }
        if (!ended) throw Error("the file ends without ENDATA");
        if (_objective is null) throw new DataValidationException(_file, null, null, "no objective row (type N) in ROWS");
        return Build(modelName);
    }

    private LinearModel Build(string modelName)
    {
        var m = new LinearModel(modelName);
        // Re-create variables in order on the named model (the parse model only collected them).
        var map = _model.Variables.ToDictionary(v => v, v => m.AddVariable(v.Name, v.Lower, v.Upper));
        LinearExpression Expr(List<(Variable V, double A)> terms) => LinearExpression.Sum(terms.Select(t => (map[t.V], t.A)));
        m.SetObjective(_sense, Expr(_objectiveTerms).AddConstant(_constant), _objective!);
        foreach (var name in _rowOrder)
        {
            var (sense, terms, line) = _rows[name];
            var rhs = _rhs.GetValueOrDefault(name);
            var e = Expr(terms);
            try
            {
                if (!_ranges.TryGetValue(name, out var r) || (r == 0 && sense != ConstraintSense.Equal)) { m.AddConstraint(name, e, sense, rhs); continue; }
                var (lo, hi) = sense switch
                {
                    ConstraintSense.LessOrEqual => (rhs - Math.Abs(r), rhs),
                    ConstraintSense.GreaterOrEqual => (rhs, rhs + Math.Abs(r)),
                    _ => r >= 0 ? (rhs, rhs + r) : (rhs + r, rhs),
                };
                if (lo == hi) m.AddEqual(name, e, lo); else m.AddRange(name, e, lo, hi);
            }
            catch (ArgumentException ex) { throw new DataValidationException(_file, line, null, ex.Message); }
        }
        return m;
    }

    private void Row(string[] f)
    {
        if (f.Length != 2) throw Error("a ROWS line needs a type (N, L, G, E) and a row name");
        var sense = f[0].ToUpperInvariant() switch
        {
            "N" => (ConstraintSense?)null,
            "L" => ConstraintSense.LessOrEqual,
            "G" => ConstraintSense.GreaterOrEqual,
            "E" => ConstraintSense.Equal,
            _ => throw Error($"row type '{f[0]}' is not N, L, G or E"),
        };
        var name = f[1];
        if (_rows.ContainsKey(name) || name == _objective || _freeRows.Contains(name)) throw Error($"duplicate row '{name}'");
        if (sense is null)
        {
            if (_objective is null) _objective = name; else _freeRows.Add(name);
            return;
        }
        _rows[name] = (sense.Value, [], _line);
        _rowOrder.Add(name);
    }

    private Variable? _current;

    private void Column(string[] f)
    {
        if (f.Length >= 3 && f[1].Trim('\'').Equals("MARKER", StringComparison.OrdinalIgnoreCase))
            throw Error("integer markers (MARKER INTORG) are not supported: this reader handles continuous LPs only");
        if (f.Length is not (3 or 5)) throw Error("a COLUMNS line needs a column name and one or two (row, value) pairs");
        var name = f[0];
        if (_current?.Name != name)
        {
            if (_model.HasVariable(name)) throw Error($"the entries of column '{name}' are not contiguous");
            try { _current = _model.AddVariable(name); }
            catch (ArgumentException e) { throw Error(e.Message); }
        }
        for (var k = 1; k < f.Length; k += 2)
        {
            var (row, value) = (f[k], Number(f[k + 1], $"the coefficient of '{name}' in row '{f[k]}'"));
            if (row == _objective) _objectiveTerms.Add((_current, value));
            else if (_rows.TryGetValue(row, out var r)) r.Terms.Add((_current, value));
            else if (!_freeRows.Contains(row)) throw Error($"row '{row}' is not declared in ROWS");
        }
    }

    private void Pairs(string[] f, ref string? set, string what, Action<string, double> apply)
    {
        // Free MPS may omit the set name: an even number of fields is (row, value) pairs only.
        var start = f.Length % 2 == 1 ? 1 : 0;
        if (f.Length < 2 || f.Length - start > 4) throw Error($"a {what} line needs [set name] row value [row value]");
        if (start == 1 || _format == MpsFormat.Fixed)
        {
            var name = start == 1 ? f[0] : "";
            set ??= name;
            if (set != name) return; // only the first set is read
        }
        for (var k = start; k < f.Length; k += 2)
        {
            var row = f[k];
            if (row != _objective && !_rows.ContainsKey(row) && !_freeRows.Contains(row)) throw Error($"row '{row}' in {what} is not declared in ROWS");
            if (_freeRows.Contains(row)) continue;
            apply(row, Number(f[k + 1], $"the {what} value of row '{row}'"));
        }
    }

    private void Range(string row, double value)
    {
        if (row == _objective) throw Error($"the objective row '{row}' cannot have a range");
        _ranges[row] = value;
    }

    private void Bound(string[] f)
    {
        if (f.Length < 2) throw Error("a BOUNDS line needs a type, [set name,] a column and a value");
        var type = f[0].ToUpperInvariant();
        var needsValue = type is not ("FR" or "MI" or "PL" or "BV");
        if (type is "BV" or "LI" or "UI" or "SC") throw Error($"bound type '{f[0]}' makes an integer or semi-continuous variable: this reader handles continuous LPs only");
        if (type is not ("UP" or "LO" or "FX" or "FR" or "MI" or "PL")) throw Error($"bound type '{f[0]}' is not UP, LO, FX, FR, MI or PL");
        var rest = f[1..];
        var expected = needsValue ? 2 : 1;
        if (rest.Length == expected) rest = ["", .. rest]; // no set name
        if (rest.Length != expected + 1) throw Error($"a {type} bound needs [set name] column{(needsValue ? " value" : "")}");
        _boundSet ??= rest[0];
        if (_boundSet != rest[0]) return;
        if (!_model.HasVariable(rest[1])) throw Error($"column '{rest[1]}' in BOUNDS is not declared in COLUMNS");
        var v = _model.Variable(rest[1]);
        var x = needsValue ? Number(rest[2], $"the {type} bound of '{v.Name}'") : 0;
        var (lo, hi) = (v.Lower, v.Upper);
        switch (type)
        {
            case "UP": hi = x; if (x < 0 && lo == 0) lo = double.NegativeInfinity; break;
            case "LO": lo = x; break;
            case "FX": lo = hi = x; break;
            case "FR": lo = double.NegativeInfinity; hi = double.PositiveInfinity; break;
            case "MI": lo = double.NegativeInfinity; break;
            case "PL": hi = double.PositiveInfinity; break;
        }
        if (lo > hi) throw Error($"the bounds of '{v.Name}' are empty: lower {LinearModel.Fmt(lo)} > upper {LinearModel.Fmt(hi)}");
        _model.SetBounds(v, lo, hi);
    }

    private ObjectiveSense Sense(string s) => s.ToUpperInvariant() switch
    {
        "MAX" or "MAXIMIZE" => ObjectiveSense.Maximize,
        "MIN" or "MINIMIZE" => ObjectiveSense.Minimize,
        _ => throw Error($"OBJSENSE '{s}' is not MAX or MIN"),
    };

    private double Number(string s, string what) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
        : throw Error($"'{s}' is not a finite number ({what})");

    /// <summary>The fields of a data line: split at white space (free) or cut at the fixed columns.</summary>
    private string[] Fields(string line)
    {
        if (_format == MpsFormat.Free) return line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (line.Contains('\t')) throw Error("a tab in fixed MPS (fields must sit in their columns)");
        string Cut(int from, int to) => from >= line.Length ? "" : line[from..Math.Min(to, line.Length)].Trim();
        if (line.Length > 61 && line[61..].Trim().Length > 0 && !line[61..].TrimStart().StartsWith('$'))
            throw Error("text beyond column 61 in fixed MPS");
        var fields = new[] { Cut(1, 3), Cut(4, 12), Cut(14, 22), Cut(24, 36), Cut(39, 47), Cut(49, 61) };
        // A section decides which fields it uses: ROWS type+name, COLUMNS name row value [row value],
        // RHS/RANGES set row value [row value], BOUNDS type set column value.
        if (fields[0].Length > 0) // ROWS or BOUNDS
            return fields[3].Length > 0 ? fields[..4] : fields[2].Length > 0 ? fields[..3] : [fields[0], fields[1]];
        var data = fields[1..];
        return data[3].Length > 0 || data[4].Length > 0 ? data : data[..3];
    }

    private DataValidationException Error(string rule) => new(_file, _line, null, rule);
}
