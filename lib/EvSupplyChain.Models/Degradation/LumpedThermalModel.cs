using MathNet.Numerics.OdeSolvers;

namespace EvSupplyChain.Models.Degradation;

/// <summary>How the charging temperature is computed.</summary>
public enum ThermalSolution
{
    /// <summary>Default: m·c_p·dT/dt = I²·R(T) − h·A·(T − T_amb) integrated with MathNet's Runge–Kutta 4; R follows the cell temperature.</summary>
    Ode,

    /// <summary>Closed form with R evaluated at the charge-average cell temperature (fixed point).</summary>
    SelfConsistentClosedForm,

    /// <summary>The spec's recipe taken literally: closed form with R at the ambient temperature. Not monotone below about 0 °C.</summary>
    AmbientResistanceClosedForm,
}

/// <summary>Average and peak cell temperature over one constant-current charge.</summary>
/// <param name="AmbientC">Ambient temperature, °C.</param>
/// <param name="AverageC">Time-average cell temperature over the charge, °C.</param>
/// <param name="PeakC">Highest cell temperature (end of the charge), °C.</param>
public sealed record BatteryTemperature(double AmbientC, double AverageC, double PeakC)
{
    /// <summary>Average rise above ambient, K.</summary>
    public double AverageRiseK => AverageC - AmbientC;

    /// <summary>Peak rise above ambient, K.</summary>
    public double PeakRiseK => PeakC - AmbientC;
}

/// <summary>The lumped thermal model of a charging cell (MODEL_SPEC §5.6), three ways.</summary>
public static class LumpedThermalModel
{
    /// <summary>Runge–Kutta grid points used by <see cref="Ode"/> (odd, for Simpson averaging).</summary>
    public const int DefaultOdePoints = 2001;

    /// <summary>Solves with the chosen method.</summary>
    public static BatteryTemperature Solve(double ambientC, ThermalCellParameters p, ThermalSolution method = ThermalSolution.Ode) => method switch
    {
        ThermalSolution.Ode => Ode(ambientC, p),
        ThermalSolution.SelfConsistentClosedForm => SelfConsistent(ambientC, p),
        ThermalSolution.AmbientResistanceClosedForm => ClosedForm(ambientC, p, p.ResistanceOhm(ambientC)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown thermal solution"),
    };

    /// <summary>
    /// Exact solution for a constant resistance: with ΔT = I²R/(hA) and τ = m·c_p/(hA),
    /// peak = T_amb + ΔT(1 − e^(−t_c/τ)), average = T_amb + ΔT(1 − (τ/t_c)(1 − e^(−t_c/τ))).
    /// </summary>
    public static BatteryTemperature ClosedForm(double ambientC, ThermalCellParameters p, double resistanceOhm)
    {
        CheckAmbient(ambientC);
        var rise = p.CurrentA * p.CurrentA * resistanceOhm / (p.HeatTransferWPerM2K * p.CoolingAreaM2);
        var tau = p.TimeConstantS;
        var tc = p.ChargeDurationS;
        var decay = Math.Exp(-tc / tau);
        return new(ambientC, ambientC + rise * (1 - tau / tc * (1 - decay)), ambientC + rise * (1 - decay));
    }

    /// <summary>Closed form with R at the charge-average temperature, iterated to a fixed point.</summary>
    public static BatteryTemperature SelfConsistent(double ambientC, ThermalCellParameters p)
    {
        var result = ClosedForm(ambientC, p, p.ResistanceOhm(ambientC));
        for (var i = 0; i < 200; i++)
        {
            var next = ClosedForm(ambientC, p, p.ResistanceOhm(result.AverageC));
            // The map is a contraction (heating lowers R), so damping is not needed.
            if (Math.Abs(next.AverageC - result.AverageC) < 1e-12) return next;
            result = next;
        }
        return result;
    }

    /// <summary>
    /// Integrates the heat balance with MathNet's fourth-order Runge–Kutta on <paramref name="points"/> grid points
    /// (odd); the average is Simpson's rule over the grid. <paramref name="frozenResistanceOhm"/> fixes R (then the
    /// result must equal <see cref="ClosedForm"/>); null lets R follow the cell temperature.
    /// </summary>
    public static BatteryTemperature Ode(double ambientC, ThermalCellParameters p, int points = DefaultOdePoints, double? frozenResistanceOhm = null)
    {
        CheckAmbient(ambientC);
        if (points < 3 || points % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(points), points, $"points = {points} must be odd and at least 3.");
        var i2 = p.CurrentA * p.CurrentA;
        var hA = p.HeatTransferWPerM2K * p.CoolingAreaM2;
        var mc = p.MassKg * p.HeatCapacityJPerKgK;
        Func<double, double, double> slope = frozenResistanceOhm is { } r
            ? (_, t) => (i2 * r - hA * (t - ambientC)) / mc
            : (_, t) => (i2 * p.ResistanceOhm(t) - hA * (t - ambientC)) / mc;
        var tc = p.ChargeDurationS;
        var temps = RungeKutta.FourthOrder(ambientC, 0, tc, points, slope);
        var sum = temps[0] + temps[^1];
        for (var k = 1; k < temps.Length - 1; k++) sum += (k % 2 == 1 ? 4 : 2) * temps[k];
        var average = sum / (3.0 * (points - 1));
        return new(ambientC, average, temps.Max());
    }

    private static void CheckAmbient(double ambientC) => OperatingConditions.Check("ambientC", ambientC, -60, 80);
}
