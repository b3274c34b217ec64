using System.Globalization;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.CityEnergy;

/// <summary>
/// A user's hourly renewable profile: a CSV with a <c>kw_per_mw</c> column (output per MW installed, 0–1000) and
/// exactly 8760 data rows, hour 0 = 1 January 00:00 (e.g. the AC output of NREL PVWatts for a 1 MW system). An
/// optional <c>hour_of_year</c> column must count 0…8759 or 1…8760 in order. Returned as capacity factors (÷1000).
/// </summary>
public static class ProfileCsv
{
    /// <summary>Output column (kW per MW installed).</summary>
    public const string ValueColumn = "kw_per_mw";

    /// <summary>Optional hour column.</summary>
    public const string HourColumn = "hour_of_year";

    /// <summary>Reads and validates a profile file.</summary>
    public static double[] Load(string path) => Read(CsvData.Load(path, ValueColumn));

    /// <summary>Reads and validates profile CSV text; <paramref name="name"/> names it in errors.</summary>
    public static double[] Parse(TextReader reader, string name) => Read(CsvData.Parse(reader, name, ValueColumn));

    /// <summary>Writes capacity factors as a profile CSV (kW per MW).</summary>
    public static void Write(TextWriter writer, IReadOnlyList<double> capacityFactors)
    {
        writer.WriteLine($"{HourColumn},{ValueColumn}");
        for (var i = 0; i < capacityFactors.Count; i++)
            writer.WriteLine($"{i},{(1000 * capacityFactors[i]).ToString("R", CultureInfo.InvariantCulture)}");
    }

    private static double[] Read(CsvData data)
    {
        var rows = data.Rows;
        if (rows.Count != HourlyProfiles.HoursPerYear)
        {
            var line = rows.Count > HourlyProfiles.HoursPerYear ? rows[HourlyProfiles.HoursPerYear].Line : (rows.Count > 0 ? rows[^1].Line + 1 : 2);
            throw new DataValidationException(data.File, line, null,
                $"the profile has {rows.Count} data rows; exactly {HourlyProfiles.HoursPerYear} hourly rows are required (one non-leap year)");
        }
        var hasHour = data.HasColumn(HourColumn);
        var firstHour = hasHour ? rows[0].Int(HourColumn, 0, 1) : 0;
        var cf = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (hasHour && row.Int(HourColumn) != firstHour + i)
                throw row.Error(HourColumn, $"expected hour {firstHour + i}: hours must count up by one from {firstHour}");
            cf[i] = row.Double(ValueColumn, 0, 1000) / 1000.0;
        }
        return cf;
    }
}
