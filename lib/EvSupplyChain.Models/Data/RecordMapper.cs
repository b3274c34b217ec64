using System.Reflection;

namespace EvSupplyChain.Models.Data;

/// <summary>Maps CSV rows onto a record's constructor parameters by name.</summary>
internal static class RecordMapper<T>
{
    private static readonly ConstructorInfo Ctor = typeof(T).GetConstructors()
        .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no public constructor to read CSV rows into.");

    public static IReadOnlyList<T> Map(CsvData data)
    {
        var ps = Ctor.GetParameters();
        var columns = ps.Select(p => data.Header.FirstOrDefault(h => string.Equals(h, p.Name, StringComparison.OrdinalIgnoreCase))).ToArray();
        var missing = ps.Where((p, i) => columns[i] is null && !p.HasDefaultValue).Select(p => p.Name!).ToArray();
        if (missing.Length > 0) data.Require(missing);
        var result = new List<T>(data.Rows.Count);
        foreach (var row in data.Rows)
        {
            var args = new object?[ps.Length];
            for (var i = 0; i < ps.Length; i++)
                args[i] = columns[i] is { } col ? Convert(row, col, ps[i].ParameterType) : ps[i].DefaultValue;
            result.Add((T)Ctor.Invoke(args));
        }
        return result;
    }

    private static object? Convert(CsvRow row, string column, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            if (row.IsEmpty(column)) return null;
            type = underlying;
        }
        if (type == typeof(string)) return row.Text(column);
        if (type == typeof(double)) return row.Double(column);
        if (type == typeof(int)) return row.Int(column);
        if (type == typeof(long)) return (long)row.Double(column);
        if (type == typeof(bool))
        {
            var s = row.Text(column);
            return bool.TryParse(s, out var b) ? b : s switch { "1" => true, "0" => false, _ => throw row.Error(column, $"'{s}' is not true/false") };
        }
        if (type.IsEnum)
        {
            var s = row.Text(column);
            try { return Enum.Parse(type, s, ignoreCase: true); }
            catch (ArgumentException) { throw row.Error(column, $"'{s}' is not one of: {string.Join(", ", Enum.GetNames(type))}"); }
        }
        throw new NotSupportedException($"CSV column '{column}' maps to unsupported type {type.Name}.");
    }
}
