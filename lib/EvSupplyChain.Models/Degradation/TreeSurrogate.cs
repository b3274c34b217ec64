using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace EvSupplyChain.Models.Degradation;

/// <summary>Settings of the boosted-tree learners (the same for FastTree and LightGBM, so they compare like for like).</summary>
/// <param name="Trees">Number of boosting iterations (trees).</param>
/// <param name="Leaves">Maximum leaves per tree.</param>
/// <param name="LearningRate">Shrinkage per tree.</param>
/// <param name="MinimumRowsPerLeaf">Smallest number of training rows in a leaf.</param>
public sealed record TreeSettings(int Trees = 200, int Leaves = 20, double LearningRate = 0.2, int MinimumRowsPerLeaf = 10)
{
    internal void Validate()
    {
        if (Trees is < 1 or > 5000) throw new ArgumentOutOfRangeException(nameof(Trees), Trees, $"Trees = {Trees} is outside the allowed range [1, 5000].");
        if (Leaves is < 2 or > 1024) throw new ArgumentOutOfRangeException(nameof(Leaves), Leaves, $"Leaves = {Leaves} is outside the allowed range [2, 1024].");
        if (!(LearningRate is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"LearningRate = {LearningRate} is outside the allowed range (0, 1].");
        if (MinimumRowsPerLeaf is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(MinimumRowsPerLeaf), MinimumRowsPerLeaf, $"MinimumRowsPerLeaf = {MinimumRowsPerLeaf} is outside the allowed range [1, 10000].");
    }
}

/// <summary>
/// Boosted regression trees from ML.NET (FastTree, or LightGBM through its native library), one model per output,
/// trained on the seven raw features (trees need no scaling). Single-threaded and seeded, so a seed gives the same
/// model every time; LightGBM's own thread pool is also held to one thread (its default spinning threads cost
/// seconds on a loaded machine).
/// </summary>
public sealed class TreeSurrogate : IDegradationSurrogate
{
    private readonly MLContext _ml;
    private readonly ITransformer _fade;
    private readonly ITransformer _resistance;
    private readonly PredictionEngine<TreeRow, TreeScore> _fadeEngine;
    private readonly PredictionEngine<TreeRow, TreeScore> _resistanceEngine;
    private readonly object _gate = new();

    private TreeSurrogate(SurrogateKind kind, CellChemistry chemistry, TreeSettings settings, TrainingRange range, MLContext ml, ITransformer fade, ITransformer resistance)
    {
        Kind = kind;
        Chemistry = chemistry;
        Settings = settings;
        Range = range;
        _ml = ml;
        _fade = fade;
        _resistance = resistance;
        _fadeEngine = ml.Model.CreatePredictionEngine<TreeRow, TreeScore>(fade);
        _resistanceEngine = ml.Model.CreatePredictionEngine<TreeRow, TreeScore>(resistance);
    }

    /// <inheritdoc />
    public SurrogateKind Kind { get; }

    /// <inheritdoc />
    public string Name => Surrogates.DisplayName(Kind);

    /// <inheritdoc />
    public CellChemistry Chemistry { get; }

    /// <summary>The learner settings.</summary>
    public TreeSettings Settings { get; }

    /// <inheritdoc />
    public TrainingRange Range { get; }

    /// <summary>Fits FastTree or LightGBM on all of <paramref name="rows"/> (no hold-out).</summary>
    public static TreeSurrogate Fit(SurrogateKind kind, CellChemistry chemistry, IReadOnlyList<DegradationSample> rows, TreeSettings? settings = null, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (kind == SurrogateKind.Ridge || !Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "a tree surrogate is FastTree or LightGbm.");
        var s = settings ?? new TreeSettings();
        s.Validate();
        if (rows.Count < 20) throw new ArgumentOutOfRangeException(nameof(rows), rows.Count, "at least 20 rows are needed to fit the surrogate.");
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => TreeRow.From(r)).ToArray());
        var fade = Trainer(ml, kind, s, seed, nameof(TreeRow.Fade)).Fit(data);
        var resistance = Trainer(ml, kind, s, seed, nameof(TreeRow.Resistance)).Fit(data);
        return new TreeSurrogate(kind, chemistry, s, TrainingRange.Of(rows), ml, fade, resistance);
    }

    /// <inheritdoc />
    public DegradationOutcome Predict(in OperatingConditions x)
    {
        var row = new TreeRow { Features = new float[OperatingConditions.FeatureCount] };
        for (var j = 0; j < row.Features.Length; j++) row.Features[j] = (float)x.Feature(j);
        return PredictRow(row);
    }

    /// <inheritdoc />
    public DegradationOutcome PredictFeatures(ReadOnlySpan<double> features)
    {
        if (features.Length != OperatingConditions.FeatureCount) throw new ArgumentException($"expected {OperatingConditions.FeatureCount} features.", nameof(features));
        var row = new TreeRow { Features = new float[features.Length] };
        for (var j = 0; j < features.Length; j++) row.Features[j] = (float)features[j];
        return PredictRow(row);
    }

    /// <inheritdoc />
    public void PredictMany(ReadOnlySpan<OperatingConditions> inputs, Span<DegradationOutcome> destination)
    {
        if (destination.Length < inputs.Length) throw new ArgumentException("destination is shorter than inputs.", nameof(destination));
        if (inputs.Length == 0) return;
        var rows = new TreeRow[inputs.Length];
        for (var i = 0; i < inputs.Length; i++) rows[i] = TreeRow.From(new DegradationSample(inputs[i], 0, 0));
        var view = _ml.Data.LoadFromEnumerable(rows);
        var fade = Scores(_fade, view);
        var resistance = Scores(_resistance, view);
        for (var i = 0; i < inputs.Length; i++) destination[i] = new DegradationOutcome(fade[i], resistance[i]);
    }

    private DegradationOutcome PredictRow(TreeRow row)
    {
        lock (_gate) return new DegradationOutcome(_fadeEngine.Predict(row).Score, _resistanceEngine.Predict(row).Score);
    }

    private static float[] Scores(ITransformer model, IDataView view) =>
        model.Transform(view).GetColumn<float>(nameof(TreeScore.Score)).ToArray();

    private static IEstimator<ITransformer> Trainer(MLContext ml, SurrogateKind kind, TreeSettings s, int seed, string label) => kind switch
    {
        SurrogateKind.FastTree => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = label, FeatureColumnName = nameof(TreeRow.Features), NumberOfTrees = s.Trees, NumberOfLeaves = s.Leaves,
            LearningRate = s.LearningRate, MinimumExampleCountPerLeaf = s.MinimumRowsPerLeaf, NumberOfThreads = 1, Seed = seed,
        }),
        _ => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = label, FeatureColumnName = nameof(TreeRow.Features), NumberOfIterations = s.Trees, NumberOfLeaves = s.Leaves,
            LearningRate = s.LearningRate, MinimumExampleCountPerLeaf = s.MinimumRowsPerLeaf, NumberOfThreads = 1, Seed = seed, Silent = true,
        }),
    };
}

/// <summary>An ML.NET row: the seven features and both labels.</summary>
internal sealed class TreeRow
{
    /// <summary>The seven features in column order.</summary>
    [VectorType(OperatingConditions.FeatureCount)]
    public float[] Features { get; set; } = [];

    /// <summary>Capacity fade label, %.</summary>
    public float Fade { get; set; }

    /// <summary>Resistance increase label, %.</summary>
    public float Resistance { get; set; }

    /// <summary>The row of one sample.</summary>
    public static TreeRow From(DegradationSample s)
    {
        var f = new float[OperatingConditions.FeatureCount];
        for (var j = 0; j < f.Length; j++) f[j] = (float)s.Inputs.Feature(j);
        return new TreeRow { Features = f, Fade = (float)s.CapacityFadePercent, Resistance = (float)s.ResistanceIncreasePercent };
    }
}

/// <summary>The score column a regression model adds.</summary>
internal sealed class TreeScore
{
    /// <summary>The predicted value.</summary>
    public float Score { get; set; }
}
