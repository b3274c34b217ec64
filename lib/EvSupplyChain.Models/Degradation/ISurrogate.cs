namespace EvSupplyChain.Models.Degradation;

/// <summary>The regression families a degradation surrogate can use.</summary>
public enum SurrogateKind
{
    /// <summary>Polynomial ridge regression on MathNet (the project's own).</summary>
    Ridge,

    /// <summary>ML.NET FastTree boosted regression trees.</summary>
    FastTree,

    /// <summary>ML.NET LightGBM boosted regression trees (native LightGBM library).</summary>
    LightGbm,
}

/// <summary>A model trained on the generator's rows that predicts fade and resistance over the next 500 cycles.</summary>
public interface IDegradationSurrogate
{
    /// <summary>The regression family.</summary>
    SurrogateKind Kind { get; }

    /// <summary>A short name for tables and legends, e.g. "polynomial ridge".</summary>
    string Name { get; }

    /// <summary>The chemistry of the training data.</summary>
    CellChemistry Chemistry { get; }

    /// <summary>Smallest, largest and mean training value of each feature.</summary>
    TrainingRange Range { get; }

    /// <summary>Predicts fade and resistance increase over the next 500 cycles (not floored; no range check).</summary>
    DegradationOutcome Predict(in OperatingConditions x);

    /// <summary>Predicts from seven raw features in column order; traffic may be fractional.</summary>
    DegradationOutcome PredictFeatures(ReadOnlySpan<double> features);

    /// <summary>Predicts many rows into <paramref name="destination"/>.</summary>
    void PredictMany(ReadOnlySpan<OperatingConditions> inputs, Span<DegradationOutcome> destination);
}

/// <summary>Shared helpers of every surrogate.</summary>
public static class Surrogates
{
    /// <summary>The display name of a kind.</summary>
    public static string DisplayName(SurrogateKind kind) => kind switch
    {
        SurrogateKind.Ridge => "polynomial ridge",
        SurrogateKind.FastTree => "FastTree",
        SurrogateKind.LightGbm => "LightGBM",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown surrogate kind."),
    };

    /// <summary>Parses "ridge", "fasttree" or "lightgbm" (any case); an unknown name is an error listing the allowed ones.</summary>
    public static SurrogateKind Parse(string name, string option = "surrogate") =>
        name?.Trim().ToLowerInvariant() switch
        {
            "ridge" => SurrogateKind.Ridge,
            "fasttree" => SurrogateKind.FastTree,
            "lightgbm" => SurrogateKind.LightGbm,
            _ => throw new ArgumentException($"{option} '{name}' is not allowed; allowed values: ridge, fasttree, lightgbm."),
        };

    /// <summary>The features of <paramref name="x"/> outside the training range by more than 1 % of its width, one
    /// message each (empty when inside).</summary>
    public static IReadOnlyList<string> RangeWarnings(this IDegradationSurrogate model, in OperatingConditions x)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Range.Warnings(x);
    }
}
