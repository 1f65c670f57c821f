using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Playbook.Analysis;

/// <summary>
/// A driver's response as the model has it: geometric carryover (a yuan or an hour today still sells
/// on the days after, fading by <see cref="Theta"/> a day, the weights summing to one) and Hill
/// saturation (each more unit adds less, half the ceiling at <see cref="Kappa"/>), times the ceiling
/// <see cref="Beta"/>, never negative.
/// </summary>
/// <param name="Name">The driver.</param>
/// <param name="Theta">Carryover: the share of an effect left the next day (0 = none).</param>
/// <param name="Kappa">The carried-over level (units per day) at which half the ceiling is reached.</param>
/// <param name="Shape">Hill exponent: 1 bends from the start, above 1 is S-shaped.</param>
/// <param name="Beta">The ceiling: GMV per day at full saturation, CNY.</param>
public sealed record DriverCurve(string Name, double Theta, double Kappa, double Shape, double Beta)
{
    /// <summary>Days until half of a day's effect has worn off (0 without carryover).</summary>
    public double HalfLifeDays => Theta <= 1e-9 ? 0 : Math.Log(0.5) / Math.Log(Theta);

    /// <summary>GMV per day from holding the driver at <paramref name="level"/> units a day (steady state, where the carried-over level equals the level).</summary>
    public double Response(double level) => level <= 0 ? 0 : Beta * Saturation(level, Kappa, Shape);

    /// <summary>The extra GMV per day from one more unit a day at <paramref name="level"/>.</summary>
    public double Marginal(double level)
    {
        if (level <= 0)
        {
            return Shape <= 1 + 1e-9 ? Beta / Kappa * (Shape < 1 ? double.PositiveInfinity : 1) : 0;
        }

        var ratio = Math.Pow(level / Kappa, Shape);
        return Beta * Shape * ratio / (level * (1 + ratio) * (1 + ratio));
    }

    /// <summary>The GMV this driver adds on each day, given its daily effort.</summary>
    public double[] Contribution(double[] daily)
    {
        ArgumentNullException.ThrowIfNull(daily);
        var carried = MediaMixModel.Adstock(daily, Theta);
        return [.. carried.Select(a => a <= 0 ? 0 : Beta * Saturation(a, Kappa, Shape))];
    }

    internal static double Saturation(double level, double kappa, double shape)
    {
        var ratio = Math.Pow(level / kappa, shape);
        return ratio / (1 + ratio);
    }
}

/// <summary>How a marketing-mix model is fitted.</summary>
public sealed record MediaMixOptions
{
    /// <summary>Starting points of the search for the carryover and saturation parameters.</summary>
    public int Starts { get; init; } = 6;

    /// <summary>Bootstrap refits for the intervals (0: no intervals).</summary>
    public int Draws { get; init; } = 200;

    /// <summary>The length of the blocks of days the bootstrap resamples, so that runs of days keep their correlation.</summary>
    public int BlockDays { get; init; } = 14;

    /// <summary>The seed of the starts and the bootstrap.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>The share of the last days held out to measure the error of a fit on the days before them (0: none).</summary>
    public double HoldOut { get; init; } = 0.2;

    /// <summary>Objective evaluations per search.</summary>
    public int MaxEvaluations { get; init; } = 4000;

    /// <summary>
    /// Refits with Huber weights on the first fit's residuals, so days the baseline cannot explain (a
    /// campaign missing from the table, a stock-out, a viral day) pull less on the curves.
    /// </summary>
    public bool Robust { get; init; } = true;

    /// <summary>
    /// Sales noise grows with sales: a day that misses by 10% misses by ¥40,000 at ¥400,000 and by ¥20,000 at
    /// ¥200,000. The refits read each residual relative to the fitted day and weigh the day by (mean fitted
    /// level ÷ its fitted level)², so campaign and festival days neither dominate the fit nor look like
    /// outliers to the Huber weights. On simulated brands (bench/README.md, issue 25) it lowered the plans'
    /// median regret where campaigns drive sales and where budgets follow sales, for a point or two more
    /// median ROAS error.
    /// </summary>
    public bool ProportionalNoise { get; init; } = true;

    /// <summary>
    /// The Hill shapes fitted: free (0.5-3), fixed at 1 (bending from the start), or both, the refits split
    /// between them so that the intervals carry what the data cannot settle about the shape.
    /// </summary>
    public ShapeForms Shapes { get; init; } = ShapeForms.Both;

    /// <summary>
    /// Also refits with last week's sales in the baseline, a share of the refits, so that a budget that
    /// follows sales (spend chasing demand) widens the intervals instead of passing for an effect.
    /// </summary>
    public bool LaggedSales { get; init; } = true;
}

/// <summary>Which Hill shapes a fit tries.</summary>
public enum ShapeForms
{
    /// <summary>The shape is fitted, between 0.5 and 3.</summary>
    Free,

    /// <summary>The shape is 1: every extra unit adds less than the one before, from the first.</summary>
    One,

    /// <summary>Both: the point estimate from the one the data prefers (by AIC), the refits split between them.</summary>
    Both,
}

/// <summary>One fit of the model: a curve per driver, the baseline, and the fitted KPI.</summary>
public sealed class MediaMixFit
{
    internal MediaMixFit(IReadOnlyList<DriverCurve> curves, double[] baseline, double[][] contributions, double[] parameters, double sse)
    {
        Curves = curves;
        Baseline = baseline;
        Contributions = contributions;
        Parameters = parameters;
        Sse = sse;
        Fitted = [.. baseline.Select((b, t) => b + contributions.Sum(c => c[t]))];
    }

    /// <summary>Each driver's fitted curve.</summary>
    public IReadOnlyList<DriverCurve> Curves { get; }

    /// <summary>The baseline on each day: level, trend, weekday and events, without the drivers.</summary>
    public double[] Baseline { get; }

    /// <summary>What each driver added on each day, in the order of <see cref="Curves"/>.</summary>
    public double[][] Contributions { get; }

    /// <summary>The fitted KPI on each day.</summary>
    public double[] Fitted { get; }

    /// <summary>The sum of squared residuals.</summary>
    public double Sse { get; }

    internal double[] Parameters { get; }
}

/// <summary>A health check of a fit: what was checked, whether it passed, and what it found.</summary>
/// <param name="Check">The check.</param>
/// <param name="Ok">Whether the data passed it.</param>
/// <param name="Detail">What was found, in figures.</param>
public sealed record HealthCheck(string Check, bool Ok, string Detail);

/// <summary>A fitted model with its bootstrap refits and its health checks.</summary>
/// <param name="Data">What it was fitted on.</param>
/// <param name="Fit">The fit on all the data.</param>
/// <param name="Draws">Refits on moving-block bootstrap samples, for intervals.</param>
/// <param name="HoldOutError">Weighted absolute error (Σ|error| / Σ KPI) on the held-out last days of a fit on the days before; null without a hold-out.</param>
/// <param name="Health">The health checks.</param>
public sealed record MediaMixResult(MediaData Data, MediaMixFit Fit, IReadOnlyList<MediaMixFit> Draws, double? HoldOutError, IReadOnlyList<HealthCheck> Health);

/// <summary>
/// A marketing-mix model in the manner of Robyn, Meridian and PyMC-Marketing, sized for a brand's
/// daily 罗盘 and 千川 figures: daily net GMV = baseline (level, trend, weekday, campaign and calendar
/// events) + Σ over drivers of a non-negative ceiling × Hill saturation of geometric carryover.
/// Fitted by penalised maximum likelihood: the carryover and saturation parameters by Nelder–Mead
/// (MathNet.Numerics) from several starts, on a likelihood where the baseline is projected out and
/// the ceilings solved exactly by non-negative least squares; a penalty (a standard normal prior on
/// the transformed parameters) keeps parameters the data cannot tell apart near the middle of their
/// ranges. Intervals come from refits on moving-block bootstrap samples of the days.
/// </summary>
public static class MediaMixModel
{
    /// <summary>The largest carryover: 85% left the next day, a half-life of about four days.</summary>
    public const double MaxTheta = 0.85;

    private const double MinShape = 0.5;
    private const double MaxShape = 3.0;
    private const double MinHalfSaturation = 0.1;
    private const double MaxHalfSaturation = 10.0;

    // The prior: each transformed parameter ~ N(0, 1) (carryover around 0.4, half saturation around
    // the mean level, shape around 1.75, each free to move several units), so the penalty is Σ u² / 2.
    // On simulated brands a weaker prior (sd 2) gave a median ROAS error of 24% against 18%.
    private const double Penalty = 0.5;

    /// <summary>Normalised geometric carryover: a_t = θ·a_(t−1) + (1 − θ)·x_t, started at the first week's mean.</summary>
    public static double[] Adstock(double[] daily, double theta)
    {
        ArgumentNullException.ThrowIfNull(daily);
        var result = new double[daily.Length];
        var carried = daily.Length == 0 ? 0 : daily.Take(7).Average();
        for (var t = 0; t < daily.Length; t++)
        {
            carried = (theta * carried) + ((1 - theta) * daily[t]);
            result[t] = carried;
        }

        return result;
    }

    /// <summary>Fits the model, refits it on bootstrap samples, measures it on held-out days and checks its health.</summary>
    /// <exception cref="InvalidOperationException">No driver to fit, or too few days.</exception>
    public static MediaMixResult Fit(MediaData data, MediaMixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        options ??= new MediaMixOptions();
        if (data.Drivers.Count == 0)
        {
            throw new InvalidOperationException("no driver to fit: " + (data.Excluded.Count == 0 ? "the data has none" : string.Join("; ", data.Excluded)));
        }

        if (data.Days.Count < 28)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{data.Days.Count} days are too few to fit carryover and saturation (at least 28)"));
        }

        var random = new Random(options.Seed);
        // The forms of the model the refits are split between: what the data cannot settle (the shape,
        // whether the budget follows sales) is carried into the intervals rather than assumed.
        var forms = (options.Shapes == ShapeForms.Both ? new[] { (false, false), (true, false) } : [(options.Shapes == ShapeForms.One, false)]).ToList();
        if (options.LaggedSales)
        {
            forms.Add((options.Shapes == ShapeForms.One, true));
        }

        var fits = new List<(bool FixedShape, bool Lagged, MediaMixFit Fit, double[] Robust, double Aic)>();
        foreach (var (fixedShape, lag) in forms)
        {
            var problem = new Problem(data, 0, data.Days.Count, fixedShape: fixedShape, laggedSales: lag);
            var fitted = problem.Search(options, random, start: null);
            var weights = Enumerable.Repeat(1.0, data.Days.Count).ToArray();
            if (options.Robust || options.ProportionalNoise)
            {
                for (var pass = 0; pass < 2; pass++)
                {
                    weights = DayWeights(data.Kpi, fitted.Fitted, options.Robust, options.ProportionalNoise);
                    problem = new Problem(data, 0, data.Days.Count, weights, fixedShape, lag);
                    fitted = problem.Search(options with { Starts = Math.Min(options.Starts, 2) }, random, fitted.Parameters);
                }
            }

            // AIC on the weighted residuals: the free shape costs one parameter more per driver.
            var parameters = data.Drivers.Count * (fixedShape ? 3 : 4);
            fits.Add((fixedShape, lag, fitted, weights, (data.Days.Count * Math.Log(fitted.Sse / data.Days.Count)) + (2 * parameters)));
        }

        var chosen = fits.Where(f => !f.Lagged).MinBy(f => f.Aic);
        var fit = chosen.Fit;
        var robust = chosen.Robust;
        var baselineColumns = new Problem(data, 0, data.Days.Count).BaselineColumns;

        // The bootstrap: blocks of days drawn with replacement (as weights on the days, so carryover
        // runs over the real calendar), each sample refitted from the fit. Resampling days rather than
        // residuals also carries the uncertainty of the design: on simulated brands it covered the
        // truth more often and reached zero for drivers that do nothing.
        var seeds = Enumerable.Range(0, options.Draws).Select(_ => random.Next()).ToArray();
        var draws = new MediaMixFit[options.Draws];
        Parallel.For(0, options.Draws, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var rng = new Random(seeds[b]);
            var form = fits[b % fits.Count];
            var weights = BlockWeights(data.Days.Count, options.BlockDays, rng);
            for (var t = 0; t < weights.Length; t++)
            {
                weights[t] *= form.Robust[t];
            }

            draws[b] = new Problem(data, 0, data.Days.Count, weights, form.FixedShape, form.Lagged).Search(options with { Starts = 1 }, rng, form.Fit.Parameters);
        });

        double? holdOut = null;
        var trainDays = (int)Math.Round(data.Days.Count * (1 - options.HoldOut));
        if (options.HoldOut > 0 && trainDays >= 28 && trainDays < data.Days.Count)
        {
            var train = new Problem(data, 0, trainDays, robust[..trainDays], chosen.FixedShape);
            var trained = train.Search(options with { Starts = Math.Min(options.Starts, 3) }, new Random(options.Seed), fit.Parameters);
            var predicted = train.Predict(trained, data);
            var error = 0.0;
            var total = 0.0;
            for (var t = trainDays; t < data.Days.Count; t++)
            {
                error += Math.Abs(data.Kpi[t] - predicted[t]);
                total += Math.Abs(data.Kpi[t]);
            }

            holdOut = total > 0 ? error / total : null;
        }

        var drawForms = Enumerable.Range(0, options.Draws).Select(b => fits[b % fits.Count]).Select(f => (f.FixedShape ? "shape 1" : "shape free") + (f.Lagged ? " with last week's sales" : "")).ToList();
        return new MediaMixResult(data, fit, draws, holdOut, MediaMixHealth.Check(data, fit, draws, baselineColumns, holdOut, drawForms));
    }

    /// <summary>
    /// Each day's weight in a refit, from a fit's residuals. With <paramref name="proportional"/> noise a
    /// residual is read relative to its fitted day (floored at a tenth of the mean fitted day) and the day
    /// is weighed by (mean fitted ÷ its fitted)²; with <paramref name="robust"/>, times Huber's weight of the
    /// residual: 1 within 1.345 robust standard deviations (1.4826 × the median absolute deviation from the
    /// median), the limit over the residual beyond.
    /// </summary>
    internal static double[] DayWeights(double[] y, double[] fitted, bool robust, bool proportional)
    {
        var mean = fitted.Average();
        var level = fitted.Select(f => proportional ? Math.Max(f, 0.1 * Math.Abs(mean)) : 1).ToArray();
        var residuals = y.Select((v, t) => (v - fitted[t]) / level[t]).ToArray();
        var huber = Enumerable.Repeat(1.0, y.Length).ToArray();
        if (robust)
        {
            var median = MediaMixHealth.Quantile([.. residuals.Order()], 0.5);
            var scale = 1.4826 * MediaMixHealth.Quantile([.. residuals.Select(r => Math.Abs(r - median)).Order()], 0.5);
            var limit = 1.345 * Math.Max(scale, 1e-12);
            huber = [.. residuals.Select(r => Math.Abs(r) <= limit ? 1.0 : limit / Math.Abs(r))];
        }

        return [.. huber.Select((w, t) => proportional ? w * Math.Pow(Math.Abs(mean) / level[t], 2) : w)];
    }

    /// <summary>How often each day is drawn by circular moving-block resampling of the days.</summary>
    private static double[] BlockWeights(int n, int block, Random random)
    {
        var weights = new double[n];
        for (var drawn = 0; drawn < n;)
        {
            var from = random.Next(n);
            for (var k = 0; k < block && drawn < n; k++, drawn++)
            {
                weights[(from + k) % n]++;
            }
        }

        return weights;
    }

    /// <summary>
    /// The fitting problem on days [first, first + count): the baseline design and its orthonormal
    /// basis, the drivers, and the buffers of one thread.
    /// </summary>
    private sealed class Problem
    {
        private readonly MediaData data;
        private readonly int first;
        private readonly int n;
        private readonly double[][] q;
        private readonly Matrix<double> r;
        private readonly double[][] design;
        private readonly double[][] z;
        private readonly double[] y;
        private readonly double[] yResidual;
        private readonly double yResidualSquares;

        private readonly double[]? root;
        private readonly bool fixedShape;

        public Problem(MediaData data, int first, int count, double[]? weights = null, bool fixedShape = false, bool laggedSales = false)
        {
            this.data = data;
            this.fixedShape = fixedShape;
            this.first = first;
            n = count;
            root = weights?.Select(Math.Sqrt).ToArray();
            (design, BaselineColumns) = Baseline(data, first, count, laggedSales, root);
            var matrix = Matrix<double>.Build.DenseOfColumnArrays(design.Select(Scale));
            var qr = matrix.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            q = [.. Enumerable.Range(0, design.Length).Select(j => qr.Q.Column(j).ToArray())];
            r = qr.R;
            z = [.. data.Drivers.Select(_ => new double[n])];
            y = data.Kpi[first..(first + count)];
            yResidual = Residualize(Scale(y));
            yResidualSquares = Dot(yResidual, yResidual);
        }

        /// <summary>The names of the baseline's columns.</summary>
        public IReadOnlyList<string> BaselineColumns { get; }

        /// <summary>Searches for the parameters from <paramref name="start"/> (else the middle and random starts) and returns the best fit.</summary>
        public MediaMixFit Search(MediaMixOptions options, Random random, double[]? start)
        {
            var dimension = 3 * data.Drivers.Count;
            var starts = new List<double[]>();
            starts.Add(start ?? new double[dimension]);
            while (starts.Count < Math.Max(1, options.Starts))
            {
                starts.Add([.. Enumerable.Range(0, dimension).Select(_ => (random.NextDouble() * 3) - 1.5)]);
            }

            double[]? best = null;
            var bestValue = double.PositiveInfinity;
            foreach (var point in starts)
            {
                var tracked = new double[dimension];
                var trackedValue = double.PositiveInfinity;
                double Objective(Vector<double> u)
                {
                    var value = Evaluate(u.AsArray() ?? u.ToArray(), out _);
                    if (value < trackedValue)
                    {
                        trackedValue = value;
                        u.ToArray().CopyTo(tracked, 0);
                    }

                    return value;
                }

                try
                {
                    var step = Vector<double>.Build.Dense(dimension, start is null ? 1.0 : 0.5);
                    new NelderMeadSimplex(1e-7, options.MaxEvaluations).FindMinimum(ObjectiveFunction.Value(Objective), Vector<double>.Build.DenseOfArray(point), step);
                }
                catch (MaximumIterationsException)
                {
                    // The best point seen so far stands.
                }

                if (trackedValue < bestValue)
                {
                    bestValue = trackedValue;
                    best = tracked;
                }
            }

            return Build(best!);
        }

        /// <summary>The KPI a fit on these days predicts on every day of the data (baseline coefficients applied to all days).</summary>
        public double[] Predict(MediaMixFit fit, MediaData all)
        {
            var (full, fullColumns) = Baseline(all, 0, all.Days.Count);
            var residual = new double[n];
            for (var t = 0; t < n; t++)
            {
                residual[t] = y[t] - fit.Contributions.Sum(c => c[t]);
            }

            // γ = R⁻¹ Qᵀ (y − Zβ); the full design's columns are the training design's by name.
            var qtr = Vector<double>.Build.DenseOfEnumerable(q.Select(col => Dot(col, residual)));
            var gamma = r.Solve(qtr);
            var prediction = new double[all.Days.Count];
            for (var j = 0; j < BaselineColumns.Count; j++)
            {
                var index = IndexOf(fullColumns, BaselineColumns[j]);
                if (index < 0)
                {
                    continue;
                }

                var column = full[index];
                for (var t = 0; t < prediction.Length; t++)
                {
                    prediction[t] += gamma[j] * column[t];
                }
            }

            for (var d = 0; d < fit.Curves.Count; d++)
            {
                var contribution = fit.Curves[d].Contribution(all.Drivers[d].Daily);
                for (var t = 0; t < prediction.Length; t++)
                {
                    prediction[t] += contribution[t];
                }
            }

            return prediction;
        }

        /// <summary>The penalised objective at <paramref name="u"/>: n·ln(SSE/n) + the prior's penalty; the ceilings solved exactly.</summary>
        private double Evaluate(double[] u, out double[] beta)
        {
            var drivers = data.Drivers.Count;
            for (var d = 0; d < drivers; d++)
            {
                var (theta, half, shape) = Transform(u, d, fixedShape);
                var daily = data.Drivers[d].Daily;
                var carried = Adstock(daily, theta);
                var mean = carried.Average();
                var kappa = Math.Max(half * mean, 1e-12);
                var column = z[d];
                for (var t = 0; t < n; t++)
                {
                    var a = carried[first + t];
                    column[t] = a <= 0 ? 0 : DriverCurve.Saturation(a, kappa, shape);
                }
            }

            var residualized = new double[drivers][];
            for (var d = 0; d < drivers; d++)
            {
                residualized[d] = Residualize(Scale(z[d]));
            }

            var gram = new double[drivers, drivers];
            var cross = new double[drivers];
            for (var i = 0; i < drivers; i++)
            {
                cross[i] = Dot(residualized[i], yResidual);
                for (var j = 0; j <= i; j++)
                {
                    gram[i, j] = gram[j, i] = Dot(residualized[i], residualized[j]);
                }
            }

            var explained = Nnls(gram, cross, out beta);
            var sse = Math.Max(yResidualSquares - explained, 1e-9 * (yResidualSquares + 1));
            var prior = 0.0;
            foreach (var v in u)
            {
                prior += v * v;
            }

            return (n * Math.Log(sse / n)) + (Penalty * prior);
        }

        private MediaMixFit Build(double[] u)
        {
            Evaluate(u, out var beta);
            var curves = new List<DriverCurve>();
            var contributions = new double[data.Drivers.Count][];
            var withoutDrivers = (double[])y.Clone();
            for (var d = 0; d < data.Drivers.Count; d++)
            {
                var (theta, half, shape) = Transform(u, d, fixedShape);
                var carried = Adstock(data.Drivers[d].Daily, theta);
                var curve = new DriverCurve(data.Drivers[d].Name, theta, Math.Max(half * carried.Average(), 1e-12), shape, beta[d]);
                curves.Add(curve);
                contributions[d] = [.. z[d].Select(v => v * beta[d])];
                for (var t = 0; t < n; t++)
                {
                    withoutDrivers[t] -= contributions[d][t];
                }
            }

            // γ = R⁻¹ Qᵀ (y − Zβ), in the weighted space; the baseline is the design times γ.
            var scaled = Scale(withoutDrivers);
            var gamma = r.Solve(Vector<double>.Build.DenseOfEnumerable(q.Select(col => Dot(col, scaled))));
            var baseline = new double[n];
            for (var j = 0; j < design.Length; j++)
            {
                for (var t = 0; t < n; t++)
                {
                    baseline[t] += gamma[j] * design[j][t];
                }
            }

            var sse = 0.0;
            for (var t = 0; t < n; t++)
            {
                var e = y[t] - baseline[t] - contributions.Sum(c => c[t]);
                sse += (root is null ? 1 : root[t] * root[t]) * e * e;
            }

            return new MediaMixFit(curves, baseline, contributions, (double[])u.Clone(), sse);
        }

        private static (double Theta, double Half, double Shape) Transform(double[] u, int d, bool fixedShape) =>
            (MaxTheta * Sigmoid(u[3 * d]),
             Math.Exp(Math.Clamp(u[(3 * d) + 1], Math.Log(MinHalfSaturation), Math.Log(MaxHalfSaturation))),
             fixedShape ? 1 : MinShape + ((MaxShape - MinShape) * Sigmoid(u[(3 * d) + 2])));

        private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

        private double[] Residualize(double[] v)
        {
            var result = (double[])v.Clone();
            foreach (var column in q)
            {
                var c = Dot(column, v);
                for (var t = 0; t < n; t++)
                {
                    result[t] -= c * column[t];
                }
            }

            return result;
        }

        private double[] Scale(double[] v)
        {
            if (root is null)
            {
                return v;
            }

            var result = new double[n];
            for (var t = 0; t < n; t++)
            {
                result[t] = v[t] * root[t];
            }

            return result;
        }

        private static int IndexOf(IReadOnlyList<string> names, string name)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static double Dot(double[] a, double[] b)
        {
            var sum = System.Numerics.Vector<double>.Zero;
            var width = System.Numerics.Vector<double>.Count;
            var i = 0;
            for (; i <= a.Length - width; i += width)
            {
                sum += new System.Numerics.Vector<double>(a, i) * new System.Numerics.Vector<double>(b, i);
            }

            var result = System.Numerics.Vector.Sum(sum);
            for (; i < a.Length; i++)
            {
                result += a[i] * b[i];
            }

            return result;
        }
    }

    /// <summary>
    /// Non-negative least squares for a handful of drivers, exactly: every subset of drivers is
    /// solved by its normal equations and the best one whose ceilings are all non-negative wins.
    /// Returns the explained sum of squares βᵀc.
    /// </summary>
    internal static double Nnls(double[,] gram, double[] cross, out double[] beta)
    {
        var k = cross.Length;
        beta = new double[k];
        var best = 0.0;
        for (var mask = 1; mask < 1 << k; mask++)
        {
            var members = Enumerable.Range(0, k).Where(i => (mask & (1 << i)) != 0).ToArray();
            var g = Matrix<double>.Build.Dense(members.Length, members.Length, (i, j) => gram[members[i], members[j]]);
            var c = Vector<double>.Build.Dense(members.Length, i => cross[members[i]]);
            Vector<double> solution;
            try
            {
                var cholesky = g.Add(Matrix<double>.Build.DenseDiagonal(members.Length, 1e-12 * (g.Diagonal().Maximum() + 1))).Cholesky();
                solution = cholesky.Solve(c);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (solution.Any(v => v < 0 || double.IsNaN(v)))
            {
                continue;
            }

            var explained = solution.DotProduct(c);
            if (explained > best)
            {
                best = explained;
                beta = new double[k];
                for (var i = 0; i < members.Length; i++)
                {
                    beta[members[i]] = solution[i];
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The baseline's design on days [first, first + count): level, trend, weekdays, and the events active on
    /// some of those days but not all, as the days are weighed (<paramref name="root"/>: the square roots of
    /// the days' weights; null, all equal).
    /// </summary>
    private static (double[][] Design, IReadOnlyList<string> Columns) Baseline(MediaData data, int first, int count, bool laggedSales = false, double[]? root = null)
    {
        var total = data.Days.Count;
        var columns = new List<(string Name, double[] Values)>
        {
            ("level", [.. Enumerable.Repeat(1.0, count)]),
            ("trend", [.. Enumerable.Range(first, count).Select(t => ((double)t / Math.Max(1, total - 1)) - 0.5)]),
        };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday })
        {
            columns.Add(("weekday " + day.ToString()[..3], [.. Enumerable.Range(first, count).Select(t => data.Days[t].DayOfWeek == day ? 1.0 : 0.0)]));
        }

        if (laggedSales)
        {
            // Last week's sales: the demand a budget that follows sales is set from.
            var kpi = data.Kpi;
            var firstWeek = kpi.Take(7).Average();
            columns.Add(("kpi last week", [.. Enumerable.Range(first, count).Select(t => t < 7 ? firstWeek : kpi[(t - 7)..t].Average())]));
        }

        foreach (var e in data.Events)
        {
            var values = Enumerable.Range(first, count).Select(t => e.Active[t] ? 1.0 : 0.0).ToArray();
            var active = values.Count(v => v > 0);
            if (active >= 2 && active <= count - 2)
            {
                columns.Add(("event " + e.Name, values));
            }
        }

        // Columns the others already span, as the days are weighed, are dropped so the basis is well defined:
        // two events on the same days, or an event on days a bootstrap sample left out. (Kept, such a column
        // made the basis carry an arbitrary extra direction and the refit's baseline undefined.)
        var kept = new List<(string Name, double[] Values)>();
        double[] Weighed(double[] values) => root is null ? values : [.. values.Select((v, t) => v * root[t])];
        foreach (var column in columns)
        {
            var candidate = kept.Append(column).ToList();
            var matrix = Matrix<double>.Build.DenseOfColumnArrays(candidate.Select(c => Weighed(c.Values)));
            var diagonal = matrix.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R.Diagonal().Select(Math.Abs).ToArray();
            if (diagonal.Min() > 1e-8 * Math.Sqrt(count))
            {
                kept.Add(column);
            }
        }

        return ([.. kept.Select(c => c.Values)], [.. kept.Select(c => c.Name)]);
    }
}
