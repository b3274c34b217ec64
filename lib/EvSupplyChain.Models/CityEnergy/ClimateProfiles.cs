using MathNet.Numerics;

namespace EvSupplyChain.Models.CityEnergy;

/// <summary>
/// Generates a city's typical-year hourly profiles deterministically from physics plus seeded weather noise:
/// solar from the sun's position, Haurwitz clear-sky irradiance and an autocorrelated daily clearness; wind from an
/// autocorrelated Gaussian series mapped to Weibull speeds and a generic power curve, scaled to the city's annual
/// capacity factor; temperature from seasonal and daily cosines plus AR(1) noise. Local solar time, mid-hour.
/// </summary>
public static class ClimateProfiles
{
    /// <summary>Performance ratio of the PV system (inverter, wiring, soiling, heat).</summary>
    public const double PerformanceRatio = 0.85;

    /// <summary>Annual gain of a latitude-tilted fixed plane over horizontal irradiance (assumed constant).</summary>
    public const double TiltGain = 1.15;

    /// <summary>Weibull shape of hub-height wind speed.</summary>
    public const double WeibullShape = 2.0;

    /// <summary>Generates the profiles of <paramref name="city"/>; the same city and seed give the same numbers.</summary>
    public static HourlyProfiles Generate(City city, ulong seed = 2025)
    {
        var solar = Solar(city.LatitudeDeg, city.MeanClearness, SplitMix64.SeedFor(city.Name + "/solar", seed));
        var wind = Wind(city.LatitudeDeg, city.WindCapacityFactor, SplitMix64.SeedFor(city.Name + "/wind", seed));
        var temperature = Temperature(city.LatitudeDeg, city.MeanTempC, city.SeasonalAmplitudeK, city.DailyAmplitudeK,
            SplitMix64.SeedFor(city.Name + "/temperature", seed));
        return new HourlyProfiles(solar, wind, temperature, $"generated (seed {seed})");
    }

    /// <summary>Clear-sky global horizontal irradiance (W/m²) by the Haurwitz model at day-of-year <paramref name="day"/>
    /// (1–365) and solar time <paramref name="solarHour"/> (0–24).</summary>
    public static double ClearSkyGhi(double latitudeDeg, int day, double solarHour)
    {
        var cosZenith = CosZenith(latitudeDeg, day, solarHour);
        return cosZenith > 0 ? 1098.0 * cosZenith * Math.Exp(-0.059 / cosZenith) : 0.0;
    }

    /// <summary>Cosine of the solar zenith angle (Cooper's declination, 15° per hour from solar noon).</summary>
    public static double CosZenith(double latitudeDeg, int day, double solarHour)
    {
        var declination = Deg(23.45) * Math.Sin(2 * Math.PI * (284 + day) / 365.0);
        var hourAngle = Deg(15.0 * (solarHour - 12.0));
        var phi = Deg(latitudeDeg);
        return Math.Sin(phi) * Math.Sin(declination) + Math.Cos(phi) * Math.Cos(declination) * Math.Cos(hourAngle);
    }

    /// <summary>Solar capacity factors: PR · tilt gain · GHI · daily clearness · (1 + hourly noise) / 1000, clipped to [0, 1].</summary>
    public static double[] Solar(double latitudeDeg, double meanClearness, ulong seed)
    {
        var rng = new SplitMix64(seed);
        const double phi = 0.6, spread = 1.0;
        var mu = LogitMeanFor((meanClearness - 0.15) / 0.85, spread);
        var x = mu + spread * rng.NextGaussian();
        var cf = new double[HourlyProfiles.HoursPerYear];
        for (var d = 0; d < 365; d++)
        {
            if (d > 0) x = mu + phi * (x - mu) + spread * Math.Sqrt(1 - phi * phi) * rng.NextGaussian();
            var clearness = 0.15 + 0.85 / (1 + Math.Exp(-x));
            for (var h = 0; h < 24; h++)
            {
                var noise = 0.05 * rng.NextGaussian();
                var ghi = ClearSkyGhi(latitudeDeg, d + 1, h + 0.5);
                cf[d * 24 + h] = Math.Clamp(PerformanceRatio * TiltGain * ghi * clearness * (1 + noise) / 1000.0, 0, 1);
            }
        }
        return cf;
    }

    /// <summary>Generic wind turbine power curve as a capacity factor: cut-in 3, rated 12, cut-out 25 m/s.</summary>
    public static double PowerCurve(double speed) => speed switch
    {
        < 3 => 0,
        < 12 => (speed * speed * speed - 27.0) / (1728.0 - 27.0),
        <= 25 => 1,
        _ => 0,
    };

    /// <summary>Wind capacity factors with the Weibull scale chosen (by bisection) so the annual mean is <paramref name="targetCf"/>.</summary>
    public static double[] Wind(double latitudeDeg, double targetCf, ulong seed)
    {
        var rng = new SplitMix64(seed);
        const double phi = 0.95;
        var shapeSpeed = new double[HourlyProfiles.HoursPerYear];
        var z = rng.NextGaussian();
        var seasonPhase = latitudeDeg >= 0 ? 15 : 197; // windier in local winter
        for (var t = 0; t < shapeSpeed.Length; t++)
        {
            if (t > 0) z = phi * z + Math.Sqrt(1 - phi * phi) * rng.NextGaussian();
            var exceedance = 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2)); // 1 − Φ(z)
            var weibull = Math.Pow(-Math.Log(exceedance), 1 / WeibullShape);
            var (d, h) = (t / 24, t % 24);
            var seasonal = 1 + 0.15 * Math.Cos(2 * Math.PI * (d + 1 - seasonPhase) / 365.0);
            var diurnal = 1 + 0.1 * Math.Cos(2 * Math.PI * (h - 3) / 24.0);
            shapeSpeed[t] = weibull * seasonal * diurnal;
        }
        double lo = 0.5, hi = 14;
        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (MeanCf(shapeSpeed, mid) < targetCf) lo = mid; else hi = mid;
        }
        var scale = 0.5 * (lo + hi);
        return shapeSpeed.Select(s => PowerCurve(scale * s)).ToArray();
    }

    /// <summary>Hourly air temperature: mean + seasonal cosine (warmest ≈ 19 July north) + daily cosine (warmest 15:00) + AR(1) noise (σ 1.5 K).</summary>
    public static double[] Temperature(double latitudeDeg, double meanC, double seasonalK, double dailyK, ulong seed)
    {
        var rng = new SplitMix64(seed);
        const double phi = 0.95, sigma = 1.5;
        var warmestDay = latitudeDeg >= 0 ? 200 : 17;
        var t = new double[HourlyProfiles.HoursPerYear];
        var noise = sigma * rng.NextGaussian();
        for (var i = 0; i < t.Length; i++)
        {
            if (i > 0) noise = phi * noise + sigma * Math.Sqrt(1 - phi * phi) * rng.NextGaussian();
            var (d, h) = (i / 24 + 1, i % 24);
            t[i] = meanC + seasonalK * Math.Cos(2 * Math.PI * (d - warmestDay) / 365.0)
                + dailyK * Math.Cos(2 * Math.PI * (h + 0.5 - 15) / 24.0) + noise;
        }
        return t;
    }

    private static double MeanCf(double[] shapeSpeed, double scale)
    {
        var sum = 0.0;
        foreach (var s in shapeSpeed) sum += PowerCurve(scale * s);
        return sum / shapeSpeed.Length;
    }

    /// <summary>The mean μ for which E[logistic(μ + s·Z)] = <paramref name="target"/>, Z standard normal (bisection on a quadrature).</summary>
    private static double LogitMeanFor(double target, double spread)
    {
        target = Math.Clamp(target, 0.01, 0.99);
        double lo = -10, hi = 10;
        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (ExpectedLogistic(mid, spread) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double ExpectedLogistic(double mu, double spread)
    {
        double sum = 0, weight = 0;
        for (var z = -6.0; z <= 6.0; z += 0.05)
        {
            var w = Math.Exp(-0.5 * z * z);
            sum += w / (1 + Math.Exp(-(mu + spread * z)));
            weight += w;
        }
        return sum / weight;
    }

    private static double Deg(double degrees) => degrees * Math.PI / 180.0;
}
