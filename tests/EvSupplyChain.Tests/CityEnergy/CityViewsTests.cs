using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Tests.CityEnergy;

public class CityViewsTests
{
    private static readonly Lazy<CityEnergyResult> Miami = new(() =>
    {
        var city = CityFixture.City("Miami");
        return CitySimulation.Run(city, CityFixture.ProfilesOf(city), new CityEnergyOptions { Years = 2 });
    });

    [Fact]
    public void Views_have_one_row_per_year_and_the_heatmap_covers_each_hour_of_day()
    {
        var r = Miami.Value;
        Assert.Equal(2, CityEnergyViews.Annual(r).RowCount);
        Assert.Equal(3, CityEnergyViews.Cash(r).RowCount);
        Assert.Equal(2, CityEnergyViews.Fleet(r).RowCount);
        var heat = CityEnergyViews.GridImportHeatmap(r, 1);
        Assert.Equal(24, heat.Data[0]!["z"]!.AsArray().Count);
        Assert.Equal(365, heat.Data[0]!["z"]![0]!.AsArray().Count);
        Assert.Equal(5, CityEnergyViews.SupplyMixWeek(r, 0).Data.Count);
    }

    [Fact]
    public void Out_of_range_view_arguments_name_the_allowed_range()
    {
        var r = Miami.Value;
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => CityEnergyViews.GridImportHeatmap(r, 2)).Message);
        Assert.Contains("[0, 17519]", Assert.Throws<ArgumentOutOfRangeException>(() => CityEnergyViews.SupplyMixWeek(r, -1)).Message);
        Assert.Contains("day 1–359", Assert.Throws<ArgumentOutOfRangeException>(() => CityEnergyViews.ProfileWeek(r.Profiles, 360, "x")).Message);
    }
}

public class CitySummaryTests
{
    [Fact]
    public void Summaries_reusing_the_hourly_buffer_equal_full_runs()
    {
        foreach (var name in new[] { "Seattle", "Houston", "Seattle" })
        {
            var city = CityFixture.City(name);
            var p = CityFixture.ProfilesOf(city);
            var o = new CityEnergyOptions { Profile = ChargingProfile.Smart };
            var full = CitySimulation.Run(city, p, o);
            var summary = CitySimulation.RunSummary(city, p, o);
            Assert.Equal(full.Annual, summary.Annual);
            Assert.Equal(full.Finance.LcoeUsdPerKwh, summary.Finance.LcoeUsdPerKwh);
        }
    }
}

/// <summary>What notebook 06 shows: one quantity per axis, a demand line that is the demand, word headers, no wide tables.</summary>
public class CityNotebookViewTests
{
    private static readonly Lazy<CityEnergyResult> Miami = new(() =>
    {
        var city = CityFixture.City("Miami");
        return CitySimulation.Run(city, CityFixture.ProfilesOf(city), new CityEnergyOptions { Years = 2 });
    });

    [Fact]
    public void Supply_week_legend_names_the_demand_line_and_the_areas_add_up_to_it()
    {
        var r = Miami.Value;
        var fig = CityEnergyViews.SupplyMixWeek(r, 4000);
        var traces = fig.Data.Select(t => t!.AsObject()).ToArray();
        var demand = traces.Single(t => (string?)t["name"] == "EV charging demand")["y"]!.AsArray().Select(v => (double)v!).ToArray();
        var areas = traces.Where(t => t["stackgroup"] is not null).ToArray();
        Assert.DoesNotContain(areas, t => (string?)t["name"] == "Unmet demand");
        for (var i = 0; i < demand.Length; i++)
            Assert.Equal(demand[i], areas.Sum(t => (double)t["y"]![i]!), 9);
        Assert.Empty(fig.Problems());
    }

    [Fact]
    public void Unmet_demand_gets_its_own_area_only_when_there_is_some()
    {
        var city = CityFixture.City("Miami");
        var r = CitySimulation.Run(city, CityFixture.ProfilesOf(city), new CityEnergyOptions { Years = 1, GridImportMw = 0.5 });
        var week = Enumerable.Range(0, 52).Select(w => w * 168).First(h => r.Hourly.UnmetKwh.Skip(h).Take(168).Any(v => v > 0));
        Assert.Contains(CityEnergyViews.SupplyMixWeek(r, week).Data, t => (string?)t!["name"] == "Unmet demand");
    }

    [Fact]
    public void Fleet_and_temperature_figures_put_the_second_quantity_on_a_titled_right_axis()
    {
        var r = Miami.Value;
        foreach (var (fig, name) in new[] { (CityEnergyViews.FleetFigure(r), "Charging demand (GWh)"), (CityEnergyViews.ProfileWeek(r.Profiles, 100, "t"), "Temperature (°C)") })
        {
            Assert.Equal("y2", (string?)fig.Data.Single(t => (string?)t!["name"] == name)!["yaxis"]);
            Assert.Equal(name, (string?)fig.Layout["yaxis2"]!["title"]!["text"]);
            Assert.Empty(fig.Problems());
        }
    }

    [Fact]
    public void Tables_have_word_headers_and_the_money_columns_come_first()
    {
        var r = Miami.Value;
        var catalog = CityFixture.Catalog;
        var comparison = CityEnergyViews.Comparison([CityEnergyViews.Compare(r)], "t");
        Assert.Equal(["Case", "LCOE (USD/kWh)", "Grid-only LCOE (USD/kWh)", "NPV of savings (M USD)", "Payback (years)"], comparison.Columns.Take(5).Select(c => c.Name));
        foreach (var t in new[] { CityEnergyViews.Cities(catalog), CityEnergyViews.Capacities(catalog), CityEnergyViews.Fleet(r), CityEnergyViews.Annual(r), CityEnergyViews.Cash(r), comparison })
            Assert.All(t.Columns, c => Assert.DoesNotMatch("_|[a-z][A-Z][a-z]{2}|Usd|Mwh|Gwh", c.Name));
        Assert.All(comparison.SplitColumns(7, "Case"), part => Assert.True(part.Columns.Count <= 7));
    }

    [Fact]
    public void Bug_effects_table_shows_the_unpaid_grid_energy_as_text_with_units()
    {
        var city = CityFixture.City("Miami");
        var p = CityFixture.ProfilesOf(city);
        var original = CitySimulation.Run(city, p, CityEnergyOptions.Original() with { Years = 2 });
        var corrected = CitySimulation.Run(city, p, CityEnergyOptions.Original() with { Years = 2, AsOriginal = false });
        var t = CityEnergyViews.BugEffects(original, corrected);
        Assert.Equal(original.Annual.Sum(y => y.GridToStorageMwh).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), t[0, "Value"]);
        Assert.Equal("USD/kWh", t[3, "Unit"]);
        Assert.DoesNotContain("000000", t.ToText());
    }

    [Fact]
    public void Hourly_frame_resamples_to_days_with_the_same_totals()
    {
        var r = Miami.Value;
        var hourly = CityEnergyViews.HourlyFrame(r, 1);
        Assert.Equal(8760, hourly.Rows.Count);
        var daily = hourly.GroupBy("Day of year").Sum("Demand (MWh)", "Grid import (MWh)");
        Assert.Equal(365, daily.Rows.Count);
        var total = Enumerable.Range(0, 365).Sum(i => (double)daily["Demand (MWh)"][i]!);
        Assert.Equal(r.Annual[1].DemandMwh, total, 6);
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => CityEnergyViews.HourlyFrame(r, 2)).Message);
    }
}
