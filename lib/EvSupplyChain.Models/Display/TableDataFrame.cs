using Microsoft.Data.Analysis;

namespace EvSupplyChain.Models.Display;

/// <summary>The bridge between <see cref="Table"/> (presentation) and <see cref="DataFrame"/> (inspection:
/// filter, sort, group, join).</summary>
public sealed partial class Table
{
    /// <summary>
    /// The data rows as a DataFrame with one typed column per table column (double stays double, int stays int,
    /// bool, decimal, DateTime, string; enums and other types become strings). Headers become column names; the
    /// totals row and number formats are left out.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var duplicate = Columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"A DataFrame needs unique column names; '{duplicate.Key}' appears {duplicate.Count()} times.");
        return new DataFrame(Columns.Select((c, i) => Column(c, _rows.Select(r => r[i]))));
    }

    /// <summary>A table of a DataFrame's rows and columns, for formatted display (<see cref="WithFormat"/>,
    /// <see cref="WithHeader"/>, …). Column types carry over; missing values stay empty.</summary>
    public static Table From(DataFrame dataFrame, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(dataFrame);
        var columns = dataFrame.Columns.Select(c => new TableColumn(c.Name, c.DataType)).ToArray();
        var rows = new object?[dataFrame.Rows.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new object?[columns.Length];
            for (var c = 0; c < columns.Length; c++) rows[r][c] = dataFrame.Columns[c][r];
        }
        return new Table(title, columns, rows, null);
    }

    private static DataFrameColumn Column(TableColumn column, IEnumerable<object?> values)
    {
        var type = Nullable.GetUnderlyingType(column.ValueType) ?? column.ValueType;
        var name = column.Name;
        if (type == typeof(double)) return new DoubleDataFrameColumn(name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v)));
        if (type == typeof(float)) return new SingleDataFrameColumn(name, values.Select(v => (float?)v));
        if (type == typeof(int)) return new Int32DataFrameColumn(name, values.Select(v => (int?)v));
        if (type == typeof(long)) return new Int64DataFrameColumn(name, values.Select(v => (long?)v));
        if (type == typeof(short)) return new Int16DataFrameColumn(name, values.Select(v => (short?)v));
        if (type == typeof(uint)) return new UInt32DataFrameColumn(name, values.Select(v => (uint?)v));
        if (type == typeof(ulong)) return new UInt64DataFrameColumn(name, values.Select(v => (ulong?)v));
        if (type == typeof(decimal)) return new DecimalDataFrameColumn(name, values.Select(v => (decimal?)v));
        if (type == typeof(bool)) return new BooleanDataFrameColumn(name, values.Select(v => (bool?)v));
        if (type == typeof(DateTime)) return new DateTimeDataFrameColumn(name, values.Select(v => (DateTime?)v));
        return new StringDataFrameColumn(name, values.Select(v => v?.ToString()));
    }
}

/// <summary>DataFrames straight from result rows.</summary>
public static class DataFrameExtensions
{
    /// <summary><c>Table.From(rows).ToDataFrame()</c>: one typed column per public property.</summary>
    public static DataFrame ToDataFrame<T>(this IEnumerable<T> rows) => Table.From(rows).ToDataFrame();
}
