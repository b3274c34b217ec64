using System.Diagnostics;
using System.Globalization;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// Solves a model with GLPK's <c>glpsol</c> (Debian package glpk-utils) run as a process: the model is written in free
/// MPS (rows and columns keep the model's order), solved with <c>glpsol --freemps</c>, and its basic solution (<c>-w</c>,
/// GLPK's plain-text solution format) is read back. An external cross-check of the OR-Tools solvers, not one of
/// <see cref="LpSolvers.Names"/>; <see cref="IsAvailable"/> says whether glpsol is on PATH.
/// </summary>
public sealed class GlpkSolver : ILpSolver
{
    /// <summary>A solver using <paramref name="executable"/> (default: glpsol from PATH).</summary>
    public GlpkSolver(string? executable = null, TimeSpan? timeout = null)
    {
        Executable = executable ?? Locate() ?? throw new InvalidOperationException("glpsol (GLPK) is not on PATH; install it with 'apt-get install glpk-utils'.");
        Timeout = timeout ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>Path of glpsol.</summary>
    public string Executable { get; }

    /// <summary>How long one solve may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>True when glpsol is on PATH.</summary>
    public static bool IsAvailable => Locate() is not null;

    /// <summary>The full path of glpsol on PATH, or null.</summary>
    public static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "glpsol.exe" : "glpsol")).FirstOrDefault(File.Exists);

    /// <inheritdoc />
    public LpSolution Solve(LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var dir = Directory.CreateTempSubdirectory("evsc-glpk-").FullName;
        try
        {
            var mps = Path.Combine(dir, "model.mps");
            var sol = Path.Combine(dir, "model.sol");
            MpsFileWriter.WriteFile(model, mps, objectiveSense: false);
            var log = SolveFile(mps, sol, model.Sense == ObjectiveSense.Maximize);
            return ReadSolution(model, sol, log);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs <c>glpsol --lp|--freemps <paramref name="modelFile"/> -w <paramref name="solutionFile"/></c> (free MPS
    /// when the file name ends in .mps, CPLEX LP otherwise; <c>--max</c> when <paramref name="maximize"/>) and returns its log.</summary>
    public string SolveFile(string modelFile, string solutionFile, bool maximize = false)
    {
        var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var kind = modelFile.EndsWith(".mps", StringComparison.OrdinalIgnoreCase) ? "--freemps" : "--lp";
        foreach (var a in new[] { kind, modelFile, "-w", solutionFile }) psi.ArgumentList.Add(a);
        if (maximize) psi.ArgumentList.Add("--max");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"glpsol did not finish within {Timeout.TotalSeconds} s.");
        }
        var log = stdout.Result + stderr.Result;
        if (p.ExitCode != 0) throw new InvalidOperationException($"glpsol failed (exit code {p.ExitCode}):\n{log}");
        return log;
    }

    private static LpSolution ReadSolution(LinearModel model, string path, string log)
    {
        int n = model.Variables.Count, m = model.Constraints.Count;
        if (!File.Exists(path))
            return new LpSolution(model, LpStatus.Infeasible, "glpsol wrote no basic solution:\n" + log, double.NaN, [], [], [], 0, "glpsol");
        var x = new double[n]; var d = new double[n]; var y = new double[m];
        char primal = 'u', dual = 'u';
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            switch (f[0])
            {
                case "s" when f.Length >= 6:
                    if (f[2] != m.ToString(CultureInfo.InvariantCulture) || f[3] != n.ToString(CultureInfo.InvariantCulture))
                        throw new InvalidOperationException($"glpsol's solution has {f[2]} rows and {f[3]} columns; the model has {m} and {n}.");
                    primal = f[4][0]; dual = f[5][0];
                    break;
                case "i": y[int.Parse(f[1], CultureInfo.InvariantCulture) - 1] = Num(f[4]); break;
                case "j":
                    var j = int.Parse(f[1], CultureInfo.InvariantCulture) - 1;
                    x[j] = Num(f[3]); d[j] = Num(f[4]);
                    break;
            }
        }
        var status = (primal, dual) switch
        {
            ('f', 'f') => LpStatus.Optimal,
            ('n', _) or ('i', _) => LpStatus.Infeasible,
            ('f', 'n') => LpStatus.Unbounded,
            // glpsol's presolver settles some models before the simplex runs; its log then says which.
            _ when log.Contains("NO PRIMAL FEASIBLE SOLUTION", StringComparison.Ordinal) => LpStatus.Infeasible,
            _ when log.Contains("UNBOUNDED", StringComparison.Ordinal) => LpStatus.Unbounded,
            _ => LpStatus.IterationLimit,
        };
        if (status != LpStatus.Optimal)
            return new LpSolution(model, status, $"glpsol reports primal status '{primal}', dual status '{dual}'", double.NaN, [], [], [], 0, "glpsol");
        return new LpSolution(model, status, "optimal", model.ObjectiveValue(x), x, d, y, 0, "glpsol");
    }

    private static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) + 0.0;
}
