using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace EvSupplyChain.Models.Degradation;

/// <summary>Settings of the surrogate fit.</summary>
/// <param name="Degree">Ridge: polynomial degree of the features.</param>
/// <param name="Folds">Ridge: k of the k-fold cross-validation that picks the penalty.</param>
/// <param name="TestShare">Share of rows held out for the test metrics.</param>
/// <param name="Seed">Seed of the shuffles (split and folds) and of the tree learners.</param>
/// <param name="Penalties">Ridge: candidate penalties λ (on standardised features).</param>
public sealed record SurrogateOptions(int Degree = 2, int Folds = 5, double TestShare = 0.2, int Seed = 42, IReadOnlyList<double>? Penalties = null)
{
    /// <summary>The penalties tried when none are given.</summary>
    public static IReadOnlyList<double> DefaultPenalties { get; } = [1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100, 1000];

    /// <summary>Which regression family to fit (ridge by default).</summary>
    public SurrogateKind Kind { get; init; } = SurrogateKind.Ridge;

    /// <summary>Settings of the FastTree and LightGBM learners.</summary>
    public TreeSettings Trees { get; init; } = new();

    internal SurrogateOptions Validated()
    {
        if (Degree is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(Degree), Degree, $"Degree = {Degree} is outside the allowed range [1, 5].");
        if (Folds is < 2 or > 20) throw new ArgumentOutOfRangeException(nameof(Folds), Folds, $"Folds = {Folds} is outside the allowed range [2, 20].");
        OperatingConditions.Check(nameof(TestShare), TestShare, 0.05, 0.5);
        if ((Penalties ?? DefaultPenalties).Any(p => !(p >= 0))) throw new ArgumentOutOfRangeException(nameof(Penalties), "every penalty must be ≥ 0.");
        if (!Enum.IsDefined(Kind)) throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Kind must be Ridge, FastTree or LightGbm.");
        (Trees ?? throw new ArgumentNullException(nameof(Trees))).Validate();
        return this;
    }
}

/// <summary>One output of the surrogate: its fitted ridge coefficients and the chosen penalty.</summary>
internal sealed record RidgeOutput(double[] Coefficients, double Penalty, double CrossValidationRmse);

/// <summary>
/// A polynomial ridge regression trained on the generator's rows — the project's own stand-in for the original's
/// Keras network, beside the ML.NET tree ensembles of <see cref="TreeSurrogate"/>. Inputs are standardised with the training mean and population
/// standard deviation, expanded into all monomials up to <see cref="SurrogateOptions.Degree"/>, and each output gets
/// its own penalty chosen by k-fold cross-validation on the training rows.
/// </summary>
public sealed partial class DegradationSurrogate : IDegradationSurrogate
{
    private readonly PolynomialFeatures _features;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly RidgeOutput _fade;
    private readonly RidgeOutput _resistance;

    private DegradationSurrogate(CellChemistry chemistry, SurrogateOptions options, PolynomialFeatures features, TrainingRange range, double[] scale,
        RidgeOutput fade, RidgeOutput resistance)
    {
        Chemistry = chemistry;
        Options = options;
        _features = features;
        Range = range;
        _mean = [.. range.Mean];
        _scale = scale;
        _fade = fade;
        _resistance = resistance;
    }

    /// <inheritdoc />
    public SurrogateKind Kind => SurrogateKind.Ridge;

    /// <inheritdoc />
    public string Name => Surrogates.DisplayName(Kind);

    /// <summary>The chemistry of the training data.</summary>
    public CellChemistry Chemistry { get; }

    /// <inheritdoc />
    public TrainingRange Range { get; }

    /// <summary>The fit settings.</summary>
    public SurrogateOptions Options { get; }

    /// <summary>Number of polynomial terms per output.</summary>
    public int TermCount => _features.Count;

    /// <summary>Cross-validated RMSE of fade and resistance at the chosen penalties.</summary>
    public (double Fade, double Resistance) CrossValidationRmse => (_fade.CrossValidationRmse, _resistance.CrossValidationRmse);

    /// <summary>Chosen ridge penalty for fade and resistance.</summary>
    public (double Fade, double Resistance) Penalties => (_fade.Penalty, _resistance.Penalty);

    /// <summary>Fits on all of <paramref name="rows"/> (no hold-out).</summary>
    public static DegradationSurrogate Fit(CellChemistry chemistry, IReadOnlyList<DegradationSample> rows, SurrogateOptions? options = null)
    {
        var o = (options ?? new SurrogateOptions()).Validated();
        if (rows.Count < 20) throw new ArgumentOutOfRangeException(nameof(rows), rows.Count, "at least 20 rows are needed to fit the surrogate.");
        const int n = OperatingConditions.FeatureCount;
        var range = TrainingRange.Of(rows);
        var mean = range.Mean;
        var scale = range.StdDev.Select(sd => sd > 0 ? sd : 1).ToArray();
        var features = new PolynomialFeatures(n, o.Degree);
        var x = Matrix<double>.Build.Dense(rows.Count, features.Count);
        Span<double> z = stackalloc double[n];
        var terms = new double[features.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < n; j++) z[j] = (rows[i].Inputs.Feature(j) - mean[j]) / scale[j];
            features.Expand(z, terms);
            x.SetRow(i, terms);
        }
        var y = Matrix<double>.Build.Dense(rows.Count, 2, (i, c) => c == 0 ? rows[i].CapacityFadePercent : rows[i].ResistanceIncreasePercent);
        var folds = FoldOf(rows.Count, o.Folds, o.Seed);
        var fits = Ridge.FitWithCrossValidation(x, y, folds, o.Folds, o.Penalties ?? SurrogateOptions.DefaultPenalties);
        return new DegradationSurrogate(chemistry, o, features, range, scale, fits[0], fits[1]);
    }

    /// <inheritdoc />
    public DegradationOutcome Predict(in OperatingConditions x)
    {
        Span<double> z = stackalloc double[OperatingConditions.FeatureCount];
        Span<double> terms = stackalloc double[_features.Count];
        return PredictInto(x, z, terms);
    }

    /// <summary>Predicts from seven raw features in column order; traffic may be fractional (as in sensitivity curves at the mean).</summary>
    public DegradationOutcome PredictFeatures(ReadOnlySpan<double> features)
    {
        if (features.Length != OperatingConditions.FeatureCount) throw new ArgumentException($"expected {OperatingConditions.FeatureCount} features.", nameof(features));
        Span<double> z = stackalloc double[OperatingConditions.FeatureCount];
        Span<double> terms = stackalloc double[_features.Count];
        for (var j = 0; j < z.Length; j++) z[j] = (features[j] - _mean[j]) / _scale[j];
        return Combine(z, terms);
    }

    /// <summary>Predicts many rows into <paramref name="destination"/> (one allocation-free pass).</summary>
    public void PredictMany(ReadOnlySpan<OperatingConditions> inputs, Span<DegradationOutcome> destination)
    {
        if (destination.Length < inputs.Length) throw new ArgumentException("destination is shorter than inputs.", nameof(destination));
        Span<double> z = stackalloc double[OperatingConditions.FeatureCount];
        var terms = new double[_features.Count];
        for (var i = 0; i < inputs.Length; i++) destination[i] = PredictInto(inputs[i], z, terms);
    }

    private DegradationOutcome PredictInto(in OperatingConditions x, Span<double> z, Span<double> terms)
    {
        z[0] = (x.AvgTempC - _mean[0]) / _scale[0];
        z[1] = (x.Dod - _mean[1]) / _scale[1];
        z[2] = (x.ChargeRate - _mean[2]) / _scale[2];
        z[3] = (x.DischargeRate - _mean[3]) / _scale[3];
        z[4] = (x.CyclesPerDay - _mean[4]) / _scale[4];
        z[5] = (x.InitialSohPercent - _mean[5]) / _scale[5];
        z[6] = (x.TrafficLevel - _mean[6]) / _scale[6];
        return Combine(z, terms);
    }

    private DegradationOutcome Combine(Span<double> z, Span<double> terms)
    {
        _features.Expand(z, terms);
        double f = 0, r = 0;
        var cf = _fade.Coefficients;
        var cr = _resistance.Coefficients;
        for (var k = 0; k < terms.Length; k++) { f += cf[k] * terms[k]; r += cr[k] * terms[k]; }
        return new DegradationOutcome(f, r);
    }

    private static int[] FoldOf(int count, int folds, int seed)
    {
        var order = Shuffled(count, seed + 1);
        var fold = new int[count];
        for (var i = 0; i < count; i++) fold[order[i]] = i % folds;
        return fold;
    }

    internal static int[] Shuffled(int count, int seed)
    {
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}

/// <summary>Ridge regression with an unpenalised intercept (the first column is the constant).</summary>
internal static class Ridge
{
    /// <summary>Fits each column of <paramref name="y"/> with the penalty of lowest k-fold RMSE. Fold Gram matrices
    /// are computed once and subtracted from the total, so each penalty costs one small Cholesky solve per fold.</summary>
    public static RidgeOutput[] FitWithCrossValidation(Matrix<double> x, Matrix<double> y, int[] fold, int folds, IReadOnlyList<double> penalties)
    {
        var gram = x.TransposeThisAndMultiply(x);
        var rhs = x.TransposeThisAndMultiply(y);
        var foldX = new Matrix<double>[folds];
        var foldY = new Matrix<double>[folds];
        var foldGram = new Matrix<double>[folds];
        var foldRhs = new Matrix<double>[folds];
        for (var k = 0; k < folds; k++)
        {
            var rows = Enumerable.Range(0, fold.Length).Where(i => fold[i] == k).ToArray();
            foldX[k] = Rows(x, rows);
            foldY[k] = Rows(y, rows);
            foldGram[k] = foldX[k].TransposeThisAndMultiply(foldX[k]);
            foldRhs[k] = foldX[k].TransposeThisAndMultiply(foldY[k]);
        }
        var best = Enumerable.Range(0, y.ColumnCount).Select(_ => (Penalty: penalties[0], Rmse: double.PositiveInfinity)).ToArray();
        foreach (var penalty in penalties)
        {
            var sse = new double[y.ColumnCount];
            for (var k = 0; k < folds; k++)
            {
                var beta = Solve(gram - foldGram[k], rhs - foldRhs[k], penalty);
                var error = foldX[k] * beta - foldY[k];
                for (var c = 0; c < y.ColumnCount; c++) sse[c] += error.Column(c).DotProduct(error.Column(c));
            }
            for (var c = 0; c < y.ColumnCount; c++)
            {
                var rmse = Math.Sqrt(sse[c] / y.RowCount);
                if (rmse < best[c].Rmse) best[c] = (penalty, rmse);
            }
        }
        return best.Select((b, c) => new RidgeOutput(Solve(gram, rhs.Column(c).ToColumnMatrix(), b.Penalty).Column(0).ToArray(), b.Penalty, b.Rmse)).ToArray();
    }

    private static Matrix<double> Solve(Matrix<double> gram, Matrix<double> rhs, double penalty)
    {
        var a = gram.Clone();
        for (var k = 1; k < a.RowCount; k++) a[k, k] += penalty;
        return a.Cholesky().Solve(rhs);
    }

    private static Matrix<double> Rows(Matrix<double> x, int[] rows)
    {
        var m = Matrix<double>.Build.Dense(rows.Length, x.ColumnCount);
        for (var r = 0; r < rows.Length; r++) m.SetRow(r, x.Row(rows[r]));
        return m;
    }
}
