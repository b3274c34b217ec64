using System.Collections;
using Microsoft.Data.Analysis;

namespace EvSupplyChain.Models.Display;

/// <summary>
/// HTML for values that have no display of their own, so that a notebook never shows a raw object dump: a
/// <see cref="DataFrame"/> as a formatted <see cref="Table"/> (folded when long), a record or other object as a
/// two-column property table (<see cref="Table.Properties"/>). A notebook host calls <see cref="Html"/> before it falls
/// back to <c>ToString()</c>.
/// </summary>
public static class Fallback
{
    /// <summary>The HTML fragment for <paramref name="value"/>, or null when it is better shown as text
    /// (null, strings, numbers, enums, sequences, and types that override <c>ToString</c> other than records).</summary>
    public static string? Html(object? value) => Table(value)?.ToHtml();

    /// <summary>The table <see cref="Html"/> renders, or null.</summary>
    public static Table? Table(object? value)
    {
        switch (value)
        {
            case null or string or IFormattable or bool or IDisplayable: return null;
            case DataFrame df: return Display.Table.From(df);
            case IEnumerable: return null;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return null;
        // Records (class or struct) print their members in ToString, which is exactly the dump to avoid.
        var isRecord = type.GetMethod("PrintMembers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance) is not null;
        var ownToString = type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType != typeof(object) && !isRecord;
        if (ownToString || type.GetProperties().Length == 0) return null;
        return Display.Table.Properties(value);
    }
}
