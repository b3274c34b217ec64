using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace EvSupplyChain.Models.Data;

/// <summary>
/// A CSV file read with invariant culture: a header and rows of text cells, each row knowing its line number.
/// Typed access goes through <see cref="CsvRow"/> (with range rules) or <see cref="ReadRecords{T}"/>.
/// </summary>
public sealed class CsvData
{
    private readonly Dictionary<string, int> _index;

    private CsvData(string file, string[] header, List<CsvRow> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!_index.TryAdd(header[i], i))
                throw new DataValidationException(file, 1, header[i], "the column name appears twice in the header");
        }
    }

    /// <summary>The file path as given.</summary>
    public string File { get; }

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows (blank lines skipped).</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Reads a CSV file; <paramref name="requiredColumns"/> must all be in the header.</summary>
    public static CsvData Load(string path, params string[] requiredColumns)
    {
        if (!System.IO.File.Exists(path))
            throw new DataValidationException(path, null, null, "the file does not exist");
        using var reader = new StreamReader(path);
        return Parse(reader, path, requiredColumns);
    }

    /// <summary>Reads CSV text; <paramref name="name"/> names it in error messages.</summary>
    public static CsvData Parse(TextReader reader, string name, params string[] requiredColumns)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null || csv.HeaderRecord.Length == 0)
            throw new DataValidationException(name, 1, null, "the file has no header line");
        var header = csv.HeaderRecord.Select(h => h.Trim()).ToArray();
        var rows = new List<CsvRow>();
        var data = new CsvData(name, header, rows);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var cells = new string[header.Length];
            var count = csv.Parser.Count;
            if (count > header.Length)
                throw new DataValidationException(name, line, null, $"the row has {count} cells but the header has {header.Length} columns");
            for (var i = 0; i < header.Length; i++) cells[i] = i < count ? csv.GetField(i) ?? "" : "";
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new CsvRow(data, line, cells));
        }
        data.Require(requiredColumns);
        return data;
    }

    /// <summary>Fails unless every named column is in the header.</summary>
    public CsvData Require(params string[] columns)
    {
        var missing = columns.Where(c => !_index.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
            throw new DataValidationException(File, 1, missing[0],
                $"required column missing (missing: {string.Join(", ", missing)}; found: {string.Join(", ", Header)})");
        return this;
    }

    /// <summary>True when the header has the column.</summary>
    public bool HasColumn(string column) => _index.ContainsKey(column);

    internal int IndexOf(string column, int line) =>
        _index.TryGetValue(column, out var i) ? i
            : throw new DataValidationException(File, line, column, $"no such column (found: {string.Join(", ", Header)})");

    /// <summary>Fails when the file has a header but no data row.</summary>
    public CsvData RequireRows()
    {
        if (Rows.Count == 0) throw new DataValidationException(File, null, null, "the file has a header but no data rows");
        return this;
    }

    /// <summary>
    /// Fails unless every key in <paramref name="expected"/> has a row (values compared case-insensitively), so a
    /// truncated file cannot pass for "not applicable": a zero must be written as 0. The error names the first missing key.
    /// </summary>
    public CsvData RequireKeys(string[] keyColumns, IEnumerable<IReadOnlyList<string>> expected)
    {
        RequireRows();
        var present = Rows.Select(r => Key(r, keyColumns)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = expected.Where(k => !present.Contains(string.Join("\u001f", k))).ToArray();
        if (missing.Length > 0)
            throw new DataValidationException(File, null, string.Join("+", keyColumns),
                $"no row for ({string.Join(", ", missing[0])}){(missing.Length > 1 ? $" and {missing.Length - 1} more keys" : "")}; every key must have a row, write 0 where the quantity is zero");
        return this;
    }

    private static string Key(CsvRow row, string[] keyColumns) => string.Join("\u001f", keyColumns.Select(row.Text));

    /// <summary>Fails when two rows share the same values in the key columns (compared case-insensitively, as values are matched).</summary>
    public CsvData RequireUniqueKey(params string[] keyColumns)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows)
        {
            var key = Key(row, keyColumns);
            if (!seen.TryAdd(key, row.Line))
                throw new DataValidationException(File, row.Line, string.Join("+", keyColumns),
                    $"duplicate key ({string.Join(", ", keyColumns.Select(row.Text))}) first seen on line {seen[key]}");
        }
        return this;
    }

    /// <summary>
    /// Fails unless <paramref name="shareColumn"/> sums to 1 (within <paramref name="tolerance"/>) over the rows of each
    /// group defined by <paramref name="groupColumns"/> (all rows when none).
    /// </summary>
    public CsvData RequireSharesSumToOne(string shareColumn, double tolerance, params string[] groupColumns)
    {
        foreach (var group in Rows.GroupBy(r => string.Join(", ", groupColumns.Select(r.Text))))
        {
            var sum = group.Sum(r => r.Double(shareColumn, min: 0, max: 1));
            if (Math.Abs(sum - 1.0) > tolerance)
            {
                var first = group.First();
                var label = groupColumns.Length == 0 ? "all rows" : $"group ({group.Key})";
                throw new DataValidationException(File, first.Line, shareColumn,
                    $"shares of {label} sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, expected 1 ± {tolerance.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        return this;
    }

    /// <summary>
    /// Reads every row into <typeparamref name="T"/> through its widest public constructor, matching parameter names to
    /// columns (case-insensitive). Supports string, double, int, long, bool, enums and their nullable forms.
    /// </summary>
    public IReadOnlyList<T> ReadRecords<T>() => RecordMapper<T>.Map(this);
}
