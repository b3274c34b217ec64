using EvSupplyChain.Models.CityEnergy;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Tests.CityEnergy;

public class ProfileTests
{
    [Theory]
    [InlineData("Phoenix", 0.17, 0.26)]
    [InlineData("Miami", 0.14, 0.22)]
    [InlineData("Chicago", 0.10, 0.18)]
    [InlineData("Seattle", 0.08, 0.16)]
    [InlineData("Anchorage", 0.05, 0.13)]
    public void Solar_is_zero_at_night_peaks_near_noon_and_has_a_plausible_capacity_factor(string name, double low, double high)
    {
        var city = CityFixture.City(name);
        var p = CityFixture.ProfilesOf(city);
        Assert.InRange(p.SolarAnnualCf, low, high);
        for (var d = 0; d < 365; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                if (ClimateProfiles.CosZenith(city.LatitudeDeg, d + 1, h + 0.5) <= 0) Assert.Equal(0, p.SolarCf[d * 24 + h]);
            }
            Assert.Equal(0, p.SolarCf[d * 24]); // midnight
        }
        var byHour = Enumerable.Range(0, 24).Select(h => Enumerable.Range(0, 365).Average(d => p.SolarCf[d * 24 + h])).ToArray();
        Assert.Contains(Array.IndexOf(byHour, byHour.Max()), new[] { 11, 12 }); // solar noon lies between hours 11 and 12
    }

    [Fact]
    public void Sunnier_lower_latitudes_yield_more_solar()
    {
        Assert.True(CityFixture.ProfilesOf(CityFixture.City("Phoenix")).SolarAnnualCf > CityFixture.ProfilesOf(CityFixture.City("Seattle")).SolarAnnualCf);
        Assert.True(ClimateProfiles.ClearSkyGhi(25, 172, 12) > ClimateProfiles.ClearSkyGhi(60, 172, 12));
    }

    [Fact]
    public void Wind_reaches_its_target_capacity_factor_and_temperature_its_mean()
    {
        foreach (var city in CityFixture.Catalog.Cities)
        {
            var p = CityFixture.ProfilesOf(city);
            Assert.Equal(city.WindCapacityFactor, p.WindAnnualCf, 0.002);
            Assert.Equal(city.MeanTempC, p.TemperatureC.Average(), 0.6);
            Assert.All(p.WindCf, v => Assert.InRange(v, 0, 1));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_profiles_and_another_seed_differs()
    {
        var city = CityFixture.City("Denver");
        var a = ClimateProfiles.Generate(city, 7);
        var b = ClimateProfiles.Generate(city, 7);
        var c = ClimateProfiles.Generate(city, 8);
        Assert.Equal(a.SolarCf, b.SolarCf);
        Assert.Equal(a.WindCf, b.WindCf);
        Assert.Equal(a.TemperatureC, b.TemperatureC);
        Assert.NotEqual(a.WindCf, c.WindCf);
    }

    [Fact]
    public void A_user_profile_round_trips_and_replaces_the_generated_one()
    {
        var city = CityFixture.City("Denver");
        var p = CityFixture.ProfilesOf(city);
        var writer = new StringWriter();
        ProfileCsv.Write(writer, p.SolarCf);
        var read = ProfileCsv.Parse(new StringReader(writer.ToString()), "solar.csv");
        Assert.Equal(p.SolarCf, read);
        var flat = Enumerable.Repeat(0.5, 8760).ToArray();
        var q = p.WithWind(flat, "flat.csv");
        Assert.Equal(0.5, q.WindAnnualCf, 12);
        Assert.Contains("flat.csv", q.Source);
    }

    [Fact]
    public void A_profile_with_8759_rows_is_rejected_with_file_and_line()
    {
        var text = "hour_of_year,kw_per_mw\n" + string.Join("\n", Enumerable.Range(0, 8759).Select(h => $"{h},100"));
        var ex = Assert.Throws<DataValidationException>(() => ProfileCsv.Parse(new StringReader(text), "pvwatts.csv"));
        Assert.Equal("pvwatts.csv", ex.File);
        Assert.Equal(8761, ex.Line);
        Assert.Contains("8759 data rows", ex.Message);
    }

    [Fact]
    public void A_negative_profile_value_is_rejected_with_file_line_and_column()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("evsc-city-").FullName, "wind.csv");
        File.WriteAllText(path, "kw_per_mw\n" + string.Join("\n", Enumerable.Range(0, 8760).Select(h => h == 99 ? "-3" : "250")));
        var ex = Assert.Throws<DataValidationException>(() => ProfileCsv.Load(path));
        Assert.Equal(path, ex.File);
        Assert.Equal(101, ex.Line);
        Assert.Equal("kw_per_mw", ex.Column);
        Assert.Contains("outside the allowed range [0, 1000]", ex.Message);
    }

    [Fact]
    public void Hours_out_of_order_are_rejected()
    {
        var text = "hour_of_year,kw_per_mw\n" + string.Join("\n", Enumerable.Range(0, 8760).Select(h => $"{(h == 5 ? 7 : h)},100"));
        var ex = Assert.Throws<DataValidationException>(() => ProfileCsv.Parse(new StringReader(text), "p.csv"));
        Assert.Equal(7, ex.Line);
        Assert.Equal("hour_of_year", ex.Column);
    }
}
