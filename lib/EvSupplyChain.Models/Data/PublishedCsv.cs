using System.Collections;
using EvSupplyChain.Models.Data;

// Part of the display kernel's API (notebooks need only `using EvSupplyChain.Models.Display;`), read through the
// Data kernel's validated CSV loader.
namespace EvSupplyChain.Models.Display;

/// <summary>One row of a <c>published*.csv</c> file: a number a source publishes and how close a reproduction must be.</summary>
/// <param name="Quantity">Unique name of the quantity.</param>
/// <param name="Source">Figure, table or page of the source.</param>
/// <param name="Value">The published value.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Tolerance">Allowed difference, as <paramref name="Kind"/> says.</param>
/// <param name="Kind">How the tolerance is measured.</param>
/// <param name="Note">Free text (e.g. how the value was read off a plot); may be empty.</param>
/// <param name="Line">Line of the file (header = 1).</param>
public sealed record PublishedEntry(string Quantity, string Source, double Value, string Unit, double Tolerance,
    ToleranceKind Kind, string Note, int Line)
{
    /// <summary>This published value beside <paramref name="reproduced"/>.</summary>
    public PublishedValue Compare(double reproduced, string? reason = null) =>
        new(Quantity, Source, Value, reproduced, Tolerance, Kind, Unit, reason);
}

/// <summary>
/// A validated <c>data/&lt;area&gt;/published*.csv</c> with the columns
/// <c>quantity,source,value,unit,tolerance,tolerance_kind,note</c> (<c>note</c> optional): one row per quantity.
/// Notebooks and tests read the same file, so the number a report shows is the number a test asserts.
/// </summary>
public sealed class PublishedCsv : IReadOnlyList<PublishedEntry>
{
    /// <summary>The columns a file must have.</summary>
    public static readonly string[] RequiredColumns = ["quantity", "source", "value", "unit", "tolerance", "tolerance_kind"];

    /// <summary>Spellings accepted in <c>tolerance_kind</c>.</summary>
    public static readonly IReadOnlyDictionary<string, ToleranceKind> Kinds = new Dictionary<string, ToleranceKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["relative"] = ToleranceKind.Relative,
        ["absolute"] = ToleranceKind.Absolute,
        ["percentage_points"] = ToleranceKind.PercentagePoints,
    };

    private readonly PublishedEntry[] _entries;
    private readonly Dictionary<string, PublishedEntry> _byQuantity;

    private PublishedCsv(string file, PublishedEntry[] entries)
    {
        File = file;
        _entries = entries;
        _byQuantity = entries.ToDictionary(e => e.Quantity, StringComparer.Ordinal);
    }

    /// <summary>The file as given.</summary>
    public string File { get; }

    /// <summary>Reads and validates a published-values file; any fault is a <see cref="DataValidationException"/>
    /// naming the file, line and column.</summary>
    public static PublishedCsv Load(string path) => From(CsvData.Load(path, RequiredColumns));

    /// <summary>Reads published values from CSV text; <paramref name="name"/> names it in errors.</summary>
    public static PublishedCsv Parse(TextReader reader, string name) => From(CsvData.Parse(reader, name, RequiredColumns));

    private static PublishedCsv From(CsvData csv)
    {
        csv.RequireUniqueKey("quantity");
        var entries = csv.Rows.Select(Entry).ToArray();
        if (entries.Length == 0) throw new DataValidationException(csv.File, null, null, "the file has no published values");
        return new PublishedCsv(csv.File, entries);

        PublishedEntry Entry(CsvRow row)
        {
            var kind = Kinds[row.OneOf("tolerance_kind", Kinds.Keys.ToArray())];
            var value = kind == ToleranceKind.PercentagePoints
                ? row.Double("value", -1, 1) // a share: 0.68 for 68 %
                : row.Double("value");
            return new PublishedEntry(row.RequiredText("quantity"), row.RequiredText("source"), value, row.Text("unit"),
                row.NonNegative("tolerance"), kind, csv.HasColumn("note") ? row.Text("note") : "", row.Line);
        }
    }

    /// <summary>The entry of a quantity; a missing one is an error naming the file and the quantities it has.</summary>
    public PublishedEntry this[string quantity] => _byQuantity.TryGetValue(quantity, out var e) ? e
        : throw new DataValidationException(File, null, "quantity",
            $"no published value '{quantity}' (found: {string.Join(", ", _entries.Select(x => x.Quantity))})");

    /// <summary>True when the file has the quantity.</summary>
    public bool Contains(string quantity) => _byQuantity.ContainsKey(quantity);

    /// <summary>The published value of <paramref name="quantity"/> beside <paramref name="reproduced"/>.</summary>
    public PublishedValue Compare(string quantity, double reproduced, string? reason = null) => this[quantity].Compare(reproduced, reason);

    /// <inheritdoc />
    public PublishedEntry this[int index] => _entries[index];

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <inheritdoc />
    public IEnumerator<PublishedEntry> GetEnumerator() => ((IEnumerable<PublishedEntry>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
