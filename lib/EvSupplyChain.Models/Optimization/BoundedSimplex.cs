using MathNet.Numerics.LinearAlgebra;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// The engine of <see cref="SimplexSolver"/>: a bounded-variable revised primal simplex on
/// min cᵀx subject to A·x − r = 0, l ≤ (x, r) ≤ u, where r are the row activities (one logical per row).
/// It keeps a dense B⁻¹ (eta-updated, rebuilt from an LU factorisation periodically), starts from the all-logical basis,
/// and runs a composite phase 1 (minimise the sum of bound violations) followed by phase 2.
/// The ratio test is Harris's two-pass test with bound flipping; after a run of degenerate pivots it switches to
/// Bland's rule until the objective moves again.
/// </summary>
internal sealed class BoundedSimplex
{
    private enum State : byte { Basic, AtLower, AtUpper, FreeZero }

    private readonly int _m, _n, _total;
    private readonly int[][] _colRows;
    private readonly double[][] _colVals;
    private readonly double[] _cost, _lo, _hi, _x;
    private readonly State[] _state;
    private readonly int[] _head;       // basis position → variable
    private readonly int[] _position;   // variable → basis position or −1
    private readonly double[] _binv;    // row-major m×m
    private readonly SimplexOptions _o;
    private readonly double _costScale;
    private readonly double[] _alpha, _y, _phaseCost, _work;

    public BoundedSimplex(int rows, int columns, int[][] colRows, double[][] colVals, double[] cost,
        double[] lower, double[] upper, SimplexOptions options)
    {
        _m = rows; _n = columns; _total = rows + columns;
        _colRows = colRows; _colVals = colVals; _o = options;
        _cost = new double[_total];
        Array.Copy(cost, _cost, _n);
        _lo = lower; _hi = upper;
        _x = new double[_total];
        _state = new State[_total];
        _head = new int[_m];
        _position = new int[_total];
        _binv = new double[_m * _m];
        _alpha = new double[_m]; _y = new double[_m]; _phaseCost = new double[_total]; _work = new double[_m];
        var cmax = 0.0;
        for (var j = 0; j < _n; j++) cmax = Math.Max(cmax, Math.Abs(cost[j]));
        _costScale = Math.Max(1.0, cmax);
    }

    public int Iterations { get; private set; }
    public IReadOnlyList<double> X => _x;

    /// <summary>Runs both phases; returns the status and, for failures, an explanation.</summary>
    public (LpStatus Status, string Message, int Entering) Run()
    {
        InitialBasis();
        var phase1 = true;
        var degenerate = 0;
        var bland = false;
        var sinceFactor = 0;
        while (true)
        {
            if (phase1 && !SetPhaseOneCosts()) phase1 = false;
            var c = phase1 ? _phaseCost : _cost;
            ComputeDuals(c);
            var q = ChooseEntering(c, bland, out var dq);
            if (q < 0)
            {
                if (!phase1) return (LpStatus.Optimal, "optimal", -1);
                return (LpStatus.Infeasible, "", -1);
            }
            if (Iterations >= _o.MaxIterations)
                return (LpStatus.IterationLimit, $"stopped after {Iterations} iterations ({(phase1 ? "no feasible point found yet" : "feasible but not yet optimal")})", -1);
            Iterations++;
            ColumnOf(q, _alpha);
            var dir = dq < 0 ? 1.0 : -1.0;
            var (leave, theta, flip, leaveAtUpper) = RatioTest(q, dir, phase1, bland);
            if (leave < 0 && !flip)
            {
                if (phase1) throw new InvalidOperationException("Numerical trouble in phase 1: an improving direction has no blocking variable.");
                return (LpStatus.Unbounded, "", q);
            }
            // Move along the edge.
            if (theta != 0)
            {
                _x[q] += dir * theta;
                for (var i = 0; i < _m; i++) _x[_head[i]] -= dir * theta * _alpha[i];
            }
            if (flip)
            {
                _state[q] = _state[q] == State.AtLower ? State.AtUpper : State.AtLower;
                _x[q] = _state[q] == State.AtLower ? _lo[q] : _hi[q];
            }
            else
            {
                var p = _head[leave];
                _state[p] = leaveAtUpper ? State.AtUpper : State.AtLower;
                _x[p] = leaveAtUpper ? _hi[p] : _lo[p];
                _position[p] = -1;
                Pivot(leave, q);
                if (++sinceFactor >= _o.RefactorInterval) { Refactor(); sinceFactor = 0; }
            }
            if (theta * Math.Max(1.0, Math.Abs(dq)) <= 1e-12) { if (++degenerate >= _o.DegeneratePivotsBeforeBland) bland = true; }
            else { degenerate = 0; bland = false; }
        }
    }

    /// <summary>Final clean-up: rebuild B⁻¹ and recompute the basic values, then the duals for the true costs.</summary>
    public (double[] Values, double[] RowDuals, double[] ReducedCosts) Finish()
    {
        Refactor();
        ComputeDuals(_cost);
        var d = new double[_total];
        for (var j = 0; j < _total; j++) d[j] = _state[j] == State.Basic ? 0.0 : ReducedCost(_cost, j);
        return (_x.ToArray(), _y.ToArray(), d);
    }

    private void InitialBasis()
    {
        for (var j = 0; j < _n; j++)
        {
            _position[j] = -1;
            if (double.IsFinite(_lo[j])) { _state[j] = State.AtLower; _x[j] = _lo[j]; }
            else if (double.IsFinite(_hi[j])) { _state[j] = State.AtUpper; _x[j] = _hi[j]; }
            else { _state[j] = State.FreeZero; _x[j] = 0; }
        }
        Array.Clear(_binv);
        for (var i = 0; i < _m; i++)
        {
            _head[i] = _n + i;
            _position[_n + i] = i;
            _state[_n + i] = State.Basic;
            _binv[i * _m + i] = -1.0;
        }
        RecomputeBasics();
    }

    private double Tol(double bound) => _o.FeasibilityTolerance * Math.Max(1.0, Math.Abs(bound));

    private bool SetPhaseOneCosts()
    {
        var any = false;
        Array.Clear(_phaseCost);
        for (var i = 0; i < _m; i++)
        {
            var p = _head[i];
            if (_x[p] < _lo[p] - Tol(_lo[p])) { _phaseCost[p] = -1; any = true; }
            else if (_x[p] > _hi[p] + Tol(_hi[p])) { _phaseCost[p] = 1; any = true; }
        }
        return any;
    }

    private void ComputeDuals(double[] c)
    {
        Array.Clear(_y);
        for (var k = 0; k < _m; k++)
        {
            var ck = c[_head[k]];
            if (ck == 0) continue;
            var row = k * _m;
            for (var i = 0; i < _m; i++) _y[i] += ck * _binv[row + i];
        }
    }

    private double ReducedCost(double[] c, int j)
    {
        if (j >= _n) return c[j] + _y[j - _n];
        var d = c[j];
        var rows = _colRows[j]; var vals = _colVals[j];
        for (var t = 0; t < rows.Length; t++) d -= vals[t] * _y[rows[t]];
        return d;
    }

    private int ChooseEntering(double[] c, bool bland, out double dq)
    {
        var tol = _o.OptimalityTolerance * (c == _cost ? _costScale : 1.0);
        var best = -1; var bestScore = 0.0; dq = 0;
        for (var j = 0; j < _total; j++)
        {
            var s = _state[j];
            if (s == State.Basic || _lo[j] == _hi[j]) continue;
            var d = ReducedCost(c, j);
            var eligible = s switch
            {
                State.AtLower => d < -tol,
                State.AtUpper => d > tol,
                _ => Math.Abs(d) > tol,
            };
            if (!eligible) continue;
            if (bland) { dq = d; return j; }
            double score;
            if (_o.Pricing == PricingRule.Dantzig) score = Math.Abs(d);
            else
            {
                ColumnOf(j, _work);
                var g = 1.0;
                for (var i = 0; i < _m; i++) g += _work[i] * _work[i];
                score = d * d / g;
            }
            if (score > bestScore) { bestScore = score; best = j; dq = d; }
        }
        return best;
    }

    /// <summary>α = B⁻¹·a_j.</summary>
    private void ColumnOf(int j, double[] result)
    {
        if (j >= _n)
        {
            var r = j - _n;
            for (var i = 0; i < _m; i++) result[i] = -_binv[i * _m + r];
            return;
        }
        Array.Clear(result);
        var rows = _colRows[j]; var vals = _colVals[j];
        for (var t = 0; t < rows.Length; t++)
        {
            var r = rows[t]; var v = vals[t];
            for (var i = 0; i < _m; i++) result[i] += v * _binv[i * _m + r];
        }
    }

    /// <summary>
    /// Harris's two-pass ratio test (or the textbook test with lowest-index ties under Bland's rule), with bound
    /// flipping of the entering variable. In phase 1 an infeasible basic variable blocks where it becomes feasible.
    /// </summary>
    private (int Leave, double Theta, bool Flip, bool LeaveAtUpper) RatioTest(int q, double dir, bool phase1, bool bland)
    {
        var thetaMax = double.PositiveInfinity;
        for (var pass = 0; pass < 2; pass++)
        {
            var leave = -1; var bestAlpha = 0.0; var bestRaw = double.PositiveInfinity; var atUpper = false;
            for (var i = 0; i < _m; i++)
            {
                var a = _alpha[i];
                if (Math.Abs(a) <= _o.PivotTolerance) continue;
                var p = _head[i];
                var rate = -dir * a;
                var xp = _x[p];
                double target; bool upper; double pad;
                if (rate < 0)
                {
                    if (phase1 && xp > _hi[p] + Tol(_hi[p])) { target = _hi[p]; upper = true; pad = 0; }
                    else if ((phase1 && xp < _lo[p] - Tol(_lo[p])) || !double.IsFinite(_lo[p])) continue;
                    else { target = _lo[p]; upper = false; pad = Tol(_lo[p]); }
                }
                else
                {
                    if (phase1 && xp < _lo[p] - Tol(_lo[p])) { target = _lo[p]; upper = false; pad = 0; }
                    else if ((phase1 && xp > _hi[p] + Tol(_hi[p])) || !double.IsFinite(_hi[p])) continue;
                    else { target = _hi[p]; upper = true; pad = Tol(_hi[p]); }
                }
                // Distance to the bound along the edge; zero when already (slightly) past it.
                var raw = (rate < 0 ? xp - target : target - xp) / Math.Abs(rate);
                if (raw < 0) raw = 0;
                if (bland)
                {
                    if (raw < bestRaw || (raw == bestRaw && leave >= 0 && p < _head[leave])) { bestRaw = raw; leave = i; atUpper = upper; }
                    continue;
                }
                if (pass == 0) { thetaMax = Math.Min(thetaMax, raw + pad / Math.Abs(rate)); continue; }
                if (raw <= thetaMax && Math.Abs(a) > bestAlpha) { bestAlpha = Math.Abs(a); bestRaw = raw; leave = i; atUpper = upper; }
            }
            if (bland) thetaMax = bestRaw;
            else if (pass == 0) continue;
            var range = _hi[q] - _lo[q];
            if (double.IsFinite(range) && range <= thetaMax) return (-1, range, true, false);
            return leave < 0 ? (-1, 0, false, false) : (leave, bestRaw, false, atUpper);
        }
        return (-1, 0, false, false);
    }

    private void Pivot(int r, int q)
    {
        var pivot = _alpha[r];
        var rowR = r * _m;
        for (var k = 0; k < _m; k++) _binv[rowR + k] /= pivot;
        for (var i = 0; i < _m; i++)
        {
            if (i == r) continue;
            var f = _alpha[i];
            if (f == 0) continue;
            var rowI = i * _m;
            for (var k = 0; k < _m; k++) _binv[rowI + k] -= f * _binv[rowR + k];
        }
        _head[r] = q;
        _position[q] = r;
        _state[q] = State.Basic;
    }

    /// <summary>B⁻¹ from an LU factorisation of the current basis, then fresh basic values.</summary>
    private void Refactor()
    {
        var b = Matrix<double>.Build.Dense(_m, _m);
        for (var k = 0; k < _m; k++)
        {
            var j = _head[k];
            if (j >= _n) b[j - _n, k] = -1.0;
            else for (var t = 0; t < _colRows[j].Length; t++) b[_colRows[j][t], k] = _colVals[j][t];
        }
        var inv = b.LU().Inverse();
        for (var i = 0; i < _m; i++)
            for (var k = 0; k < _m; k++) _binv[i * _m + k] = inv[i, k];
        RecomputeBasics();
    }

    /// <summary>x_B = −B⁻¹·N·x_N.</summary>
    private void RecomputeBasics()
    {
        Array.Clear(_work);
        for (var j = 0; j < _total; j++)
        {
            if (_state[j] == State.Basic || _x[j] == 0) continue;
            if (j >= _n) _work[j - _n] -= _x[j];
            else for (var t = 0; t < _colRows[j].Length; t++) _work[_colRows[j][t]] += _colVals[j][t] * _x[j];
        }
        for (var i = 0; i < _m; i++)
        {
            var s = 0.0; var row = i * _m;
            for (var k = 0; k < _m; k++) s += _binv[row + k] * _work[k];
            _x[_head[i]] = -s;
        }
    }

    /// <summary>Variables (indices; logicals are rows + n) still outside their bounds, worst first.</summary>
    public IReadOnlyList<(int Variable, double Violation)> Violations()
    {
        var list = new List<(int, double)>();
        for (var j = 0; j < _total; j++)
        {
            var below = _lo[j] - _x[j]; var above = _x[j] - _hi[j];
            if (below > Tol(_lo[j])) list.Add((j, below));
            else if (above > Tol(_hi[j])) list.Add((j, above));
        }
        return list.OrderByDescending(t => t.Item2).ToArray();
    }
}
