using System.Globalization;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>
/// The sentences of notebook 01 that state an input or a result, written from the inputs and results themselves so
/// that a changed parameter or data file never leaves a stale number in the narrative.
/// </summary>
public static class GapNarrative
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string I(FormattableString s) => s.ToString(Inv);

    /// <summary>The year of the published gap table the notebook compares with.</summary>
    public const int PublishedYear = 2035;

    /// <summary>The original's constants of the demand step and the ore-to-chemical factors that make raw rows large.</summary>
    public static Prose DemandAssumptions(UsSupplyChainInputs inputs, GapOptions options)
    {
        string Raw(string mineral, string product) =>
            inputs.RawIntensity.TryGetValue((mineral, product), out var v) ? v.ToString("0.0", Inv) : "n/a";
        return Prose.Markdown((
            I($"The anode split uses the graphite share of the year; graphite AAM comes {options.NaturalGraphiteShare:P0} from natural ") +
            I($"and {1 - options.NaturalGraphiteShare:P0} from synthetic graphite, graphite–silicon AAM is {options.SiliconAnodeGraphiteFraction:P0} graphite, ") +
            I($"and lithium carbonate comes {options.LithiumCarbonateOreShare:P0} from ore and {1 - options.LithiumCarbonateOreShare:P0} from brine ") +
            I($"(the original's constants, `GapOptions` parameters).\n\n") +
            I($"**Raw rows are ore or concentrate masses, not metal.** Raw cobalt is {Raw("Cobalt", "Cobalt sulfate")} t per t of cobalt sulfate, ") +
            I($"raw nickel {Raw("Nickel", "Nickel sulfate")} t per t of nickel sulfate, raw lithium {Raw("Lithium ore", "Lithium hydroxide")} t of ore ") +
            "per t of lithium hydroxide; this is why the cobalt and nickel gaps run to millions of tonnes."));
    }

    /// <summary>Lifetimes, recycling rate and what was recycled in the reporting year against the capacity.</summary>
    public static Prose Recycling(UsSupplyChainInputs inputs, GapResult result)
    {
        var lifetimes = string.Join(" and ", inputs.Lifetime
            .GroupBy(kv => kv.Value)
            .Select(g => I($"({g.Key.Min:0.##}, {g.Key.Mode:0.##}, {g.Key.Max:0.##}) years for {string.Join(", ", g.Select(kv => kv.Key))}")));
        var rateThen = inputs.RecyclingRate.GetValueOrDefault(result.Year);
        var firstYear = inputs.RecyclingRate.Where(kv => kv.Value > 0).Select(kv => kv.Key).DefaultIfEmpty(result.Year).Min();
        var row = result.Recycling.ByYear().Single(r => r.Year == result.Year);
        var versus = row.CapacityBinds ? "capped by" : "below";
        return Prose.Markdown((
            I($"Each chemistry's lifetime is a Weibull distribution shifted by its minimum age, fitted to (min, mode, max) = {lifetimes}, ") +
            I($"with \"max\" read as the {result.Options.LifetimeMaxQuantile:P1} quantile; the shape is found with Brent's method. ") +
            I($"Retirements are the convolution of the battery mass put on the market with the yearly retirement probabilities ") +
            I($"(ages up to {result.Options.MaxAge}). Recycling starts in {firstYear}; in {result.Year} the rate is {rateThen:P0} of the available ") +
            I($"end-of-life stock, capped by the recycling capacity (existing plus announced projects); what is not recycled is carried over ") +
            I($"({result.Options.UnrecycledCarryOver:P0} of it).\n\n") +
            I($"In {result.Year} the model recycles {row.Recycled:N0} t of batteries, {versus} the capacity of {row.Capacity:N0} t.")));
    }

    /// <summary>How the tiers meet two example rows: the tier that reaches demand, or the shortfall.</summary>
    public static Prose TierExamples(GapResult result, params string[] materials)
    {
        var sentences = materials.Select(m =>
        {
            var row = result.SupplyBeforeAllocation.Single(r => r.Material == m);
            var cumulative = 0.0;
            var tiers = row.Tiers();
            for (var j = 0; j < tiers.Count; j++)
            {
                cumulative += tiers[j].Sum();
                if (cumulative >= row.Demand) return I($"{m} is met inside tier {j + 1}");
            }
            return I($"{m} is short by {row.Demand - cumulative:N0} t even with every tier");
        });
        return Prose.Markdown(I($"In {result.Year}: {string.Join("; ", sentences)}."));
    }

    /// <summary>The two what-if changes in words.</summary>
    public static Prose WhatIf(UsSupplyChainInputs inputs, double lfpShiftPercentagePoints, double recyclingRate, int fromYear, int year) =>
        Prose.Markdown((
            I($"Change an input and see how the {year} gaps move: {lfpShiftPercentagePoints:+0.##;-0.##;0} percentage points of LFP from {fromYear} ") +
            I($"(other chemistries scaled proportionally), and a recycling rate of {recyclingRate:P0} instead of ") +
            I($"{inputs.RecyclingRate.GetValueOrDefault(year):P0} from {fromYear}.")));

    /// <summary>Label of the recycling what-if ("30 % recycling").</summary>
    public static string RecyclingLabel(double rate) => I($"{rate:P0} recycling");

    /// <summary>Label of the LFP what-if ("+20 pp LFP").</summary>
    public static string LfpLabel(double percentagePoints) => I($"{percentagePoints:+0.##;-0.##;0} pp LFP");
}
