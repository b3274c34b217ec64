namespace EvSupplyChain.Models.CityEnergy;

/// <summary>
/// SplitMix64: a tiny, portable pseudo-random generator. Integer arithmetic only, so a seed gives the same
/// stream on every machine and runtime. Normal deviates use the Box–Muller transform.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;
    private double? _spare;

    /// <summary>Starts the stream at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in (0, 1): 53 random bits, never exactly 0 or 1.</summary>
    public double NextDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal deviate.</summary>
    public double NextGaussian()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }
        var r = Math.Sqrt(-2.0 * Math.Log(NextDouble()));
        var a = 2.0 * Math.PI * NextDouble();
        _spare = r * Math.Sin(a);
        return r * Math.Cos(a);
    }

    /// <summary>A stable 64-bit seed from a text key and a number (FNV-1a over the upper-case key).</summary>
    public static ulong SeedFor(string key, ulong seed)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in key.ToUpperInvariant())
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        return h ^ (seed * 0x9E3779B97F4A7C15UL);
    }
}
