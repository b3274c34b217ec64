using System.Globalization;
using System.Text;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

/// <summary>
/// Ambient temperature → average and peak battery temperature while charging: the replacement for the original's
/// never-published <c>pybamm_temperature_lookup.csv</c>. Between rows it interpolates linearly; outside the table it
/// clamps to the end rows, as the original's <c>np.interp</c> does. The city model uses <see cref="AverageC"/> as the
/// effective cell temperature for degradation.
/// </summary>
public sealed class BatteryTemperatureLookup
{
    /// <summary>Columns of the CSV form (the original's names).</summary>
    public static readonly string[] CsvColumns = ["ambient_temp_c", "avg_batt_temp_c", "peak_batt_temp_c"];

    private readonly BatteryTemperature[] _rows;

    private BatteryTemperatureLookup(BatteryTemperature[] rows, string source)
    {
        _rows = rows;
        Source = source;
    }

    /// <summary>The lumped model (<see cref="ThermalSolution.Ode"/>, default cell) tabulated for −20…50 °C in 5 K steps.</summary>
    public static BatteryTemperatureLookup Default { get; } = Build(ThermalCellParameters.Default);

    /// <summary>Rows in increasing ambient temperature.</summary>
    public IReadOnlyList<BatteryTemperature> Rows => _rows;

    /// <summary>Where the rows came from (a method description or a file path).</summary>
    public string Source { get; }

    /// <summary>Tabulates the lumped model from <paramref name="fromC"/> to <paramref name="toC"/> in <paramref name="stepK"/> steps.</summary>
    public static BatteryTemperatureLookup Build(ThermalCellParameters cell, ThermalSolution method = ThermalSolution.Ode,
        double fromC = -20, double toC = 50, double stepK = 5)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.Validated();
        OperatingConditions.Check(nameof(stepK), stepK, 0.01, 100);
        if (!(toC > fromC)) throw new ArgumentOutOfRangeException(nameof(toC), toC, $"toC = {toC} must be above fromC = {fromC}.");
        var count = (int)Math.Floor((toC - fromC) / stepK + 1e-9) + 1;
        var rows = Enumerable.Range(0, count).Select(i => LumpedThermalModel.Solve(fromC + i * stepK, cell, method)).ToArray();
        return new(rows, "lumped thermal model, " + method switch
        {
            ThermalSolution.Ode => "ODE with R following the cell temperature",
            ThermalSolution.SelfConsistentClosedForm => "closed form with R at the charge-average temperature",
            ThermalSolution.AmbientResistanceClosedForm => "closed form with R at ambient (spec recipe)",
            _ => method.ToString(),
        });
    }

    /// <summary>Reads a lookup CSV (columns <see cref="CsvColumns"/>); ambient must strictly increase and battery
    /// temperatures must not be below ambient.</summary>
    public static BatteryTemperatureLookup Load(string path)
    {
        var csv = CsvData.Load(path, CsvColumns);
        if (csv.Rows.Count < 2) throw new DataValidationException(path, null, null, "the lookup needs at least two rows");
        var rows = new List<BatteryTemperature>();
        foreach (var row in csv.Rows)
        {
            var ambient = row.Double(CsvColumns[0], -60, 80);
            var average = row.Double(CsvColumns[1], ambient, 200);
            var peak = row.Double(CsvColumns[2], average, 200);
            if (rows.Count > 0 && ambient <= rows[^1].AmbientC)
                throw row.Error(CsvColumns[0], $"ambient temperatures must strictly increase ({ambient.ToString(CultureInfo.InvariantCulture)} follows {rows[^1].AmbientC.ToString(CultureInfo.InvariantCulture)})");
            rows.Add(new BatteryTemperature(ambient, average, peak));
        }
        return new([.. rows], path);
    }

    /// <summary>Average and peak battery temperature at <paramref name="ambientC"/> (interpolated, clamped at the ends).</summary>
    public BatteryTemperature At(double ambientC)
    {
        if (!double.IsFinite(ambientC)) throw new ArgumentOutOfRangeException(nameof(ambientC), ambientC, "ambientC must be a finite temperature in °C.");
        if (ambientC <= _rows[0].AmbientC) return _rows[0] with { AmbientC = ambientC };
        if (ambientC >= _rows[^1].AmbientC) return _rows[^1] with { AmbientC = ambientC };
        var hi = 1;
        while (_rows[hi].AmbientC < ambientC) hi++;
        var (a, b) = (_rows[hi - 1], _rows[hi]);
        var w = (ambientC - a.AmbientC) / (b.AmbientC - a.AmbientC);
        return new(ambientC, a.AverageC + w * (b.AverageC - a.AverageC), a.PeakC + w * (b.PeakC - a.PeakC));
    }

    /// <summary>Average battery temperature while charging at <paramref name="ambientC"/>, °C.</summary>
    public double AverageC(double ambientC) => At(ambientC).AverageC;

    /// <summary>Peak battery temperature while charging at <paramref name="ambientC"/>, °C.</summary>
    public double PeakC(double ambientC) => At(ambientC).PeakC;

    /// <summary>True when average and peak both increase with ambient temperature.</summary>
    public bool IsMonotone() =>
        _rows.Zip(_rows.Skip(1)).All(p => p.Second.AverageC > p.First.AverageC && p.Second.PeakC > p.First.PeakC);

    /// <summary>The rows as a table.</summary>
    public Table ToTable() =>
        Table.From(_rows.Select(r => new { r.AmbientC, r.AverageC, r.PeakC, r.AverageRiseK, r.PeakRiseK }), $"Battery temperature while charging ({Source})")
            .WithNumberFormat("N2");

    /// <summary>The CSV form with the original's column names.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder(string.Join(",", CsvColumns)).Append('\n');
        foreach (var r in _rows)
            sb.Append(Invariant(r.AmbientC)).Append(',').Append(Invariant(r.AverageC)).Append(',').Append(Invariant(r.PeakC)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Average and peak battery temperature against ambient.</summary>
    public Figure ToFigure(string? title = null)
    {
        var x = _rows.Select(r => r.AmbientC).ToArray();
        return Figures.Lines(title ?? "Battery temperature while charging vs ambient", x,
        [
            new Series("average", _rows.Select(r => r.AverageC).ToArray()),
            new Series("peak", _rows.Select(r => r.PeakC).ToArray()),
            new Series("ambient (no heating)", x),
        ], markers: true).WithAxisTitles("ambient temperature (°C)", "battery temperature (°C)");
    }

    private static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
