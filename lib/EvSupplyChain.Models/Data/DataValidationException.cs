namespace EvSupplyChain.Models.Data;

/// <summary>
/// Raised for any invalid input: the message names the file, the 1-based line, the column and the rule broken,
/// so a user can fix the cell. No result is produced from data that raised it.
/// </summary>
public sealed class DataValidationException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> is 1-based and counts the header as line 1.</summary>
    public DataValidationException(string file, int? line, string? column, string rule)
        : base(Describe(file, line, column, rule))
    {
        File = file;
        Line = line;
        Column = column;
        Rule = rule;
    }

    /// <summary>The file at fault (as given to the loader).</summary>
    public string File { get; }

    /// <summary>The 1-based line (header = 1), or null for whole-file rules.</summary>
    public int? Line { get; }

    /// <summary>The column at fault, if one.</summary>
    public string? Column { get; }

    /// <summary>What was expected.</summary>
    public string Rule { get; }

    private static string Describe(string file, int? line, string? column, string rule)
    {
        var where = Path.GetFileName(file);
        if (line is not null) where += $", line {line}";
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {rule} (file {file})";
    }
}
