namespace EvSupplyChain.Models.Degradation;

/// <summary>
/// All monomials of standardised inputs up to a degree (the constant first). Each term is a parent term times one
/// input, so a row expands with one multiplication per term.
/// </summary>
internal sealed class PolynomialFeatures
{
    private readonly int[] _parent;
    private readonly int[] _factor;

    public PolynomialFeatures(int inputs, int degree)
    {
        var parent = new List<int> { -1 };
        var factor = new List<int> { -1 };
        var lastFactor = new List<int> { 0 };
        var previous = new List<int> { 0 };
        for (var d = 1; d <= degree; d++)
        {
            var current = new List<int>();
            foreach (var p in previous)
            {
                for (var j = lastFactor[p]; j < inputs; j++)
                {
                    parent.Add(p);
                    factor.Add(j);
                    lastFactor.Add(j);
                    current.Add(parent.Count - 1);
                }
            }
            previous = current;
        }
        _parent = [.. parent];
        _factor = [.. factor];
        Inputs = inputs;
        Degree = degree;
    }

    public int Inputs { get; }

    public int Degree { get; }

    public int Count => _parent.Length;

    /// <summary>Expands standardised inputs <paramref name="z"/> into <paramref name="terms"/>.</summary>
    public void Expand(ReadOnlySpan<double> z, Span<double> terms)
    {
        terms[0] = 1;
        for (var k = 1; k < _parent.Length; k++) terms[k] = terms[_parent[k]] * z[_factor[k]];
    }
}
