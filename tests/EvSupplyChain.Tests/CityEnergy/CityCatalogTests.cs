using EvSupplyChain.Models.CityEnergy;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Tests.CityEnergy;

public class CityCatalogTests
{
    [Fact]
    public void The_project_data_has_at_least_eight_cities_and_two_rural_towns()
    {
        var cities = CityFixture.Catalog.Cities;
        Assert.True(cities.Count(c => c.Settlement == Settlement.Urban) >= 8);
        Assert.True(cities.Count(c => c.Settlement == Settlement.Rural) >= 2);
        Assert.All(cities, c => Assert.Equal([2025, 2030, 2035], c.Capacity.Select(p => p.Year)));
        Assert.Equal("Los Angeles", CityFixture.Catalog.Get(" los angeles ").Name);
        var ex = Assert.Throws<ArgumentException>(() => CityFixture.Catalog.Get("Gotham"));
        Assert.Contains("Phoenix", ex.Message);
    }

    [Fact]
    public void Capacity_is_interpolated_between_points_and_clamped_outside()
    {
        var phoenix = CityFixture.City("Phoenix");
        var (s25, _) = phoenix.CapacityIn(2025);
        var (s30, _) = phoenix.CapacityIn(2030);
        var (s27, _) = phoenix.CapacityIn(2027);
        Assert.Equal(s25 + 0.4 * (s30 - s25), s27, 12);
        Assert.Equal(phoenix.CapacityIn(2035), phoenix.CapacityIn(2040));
        Assert.Equal(phoenix.CapacityIn(2025), phoenix.CapacityIn(2020));
    }

    [Fact]
    public void A_bad_cell_is_reported_with_file_line_and_column()
    {
        var folder = CopyData();
        var lines = File.ReadAllLines(Path.Combine(folder, CityCatalog.CitiesFile));
        lines[3] = lines[3].Replace(",Urban,", ",Suburban,");
        File.WriteAllLines(Path.Combine(folder, CityCatalog.CitiesFile), lines);
        var ex = Assert.Throws<DataValidationException>(() => CityCatalog.LoadFolder(folder));
        Assert.Equal(4, ex.Line);
        Assert.Equal("settlement", ex.Column);
        Assert.Contains("Urban, Rural", ex.Message);
    }

    [Fact]
    public void A_city_without_capacity_rows_is_rejected()
    {
        var folder = CopyData();
        var capacity = Path.Combine(folder, CityCatalog.CapacityFile);
        File.WriteAllLines(capacity, File.ReadAllLines(capacity).Where(l => !l.StartsWith("Miami,", StringComparison.Ordinal)));
        var ex = Assert.Throws<DataValidationException>(() => CityCatalog.LoadFolder(folder));
        Assert.Equal("city", ex.Column);
        Assert.Contains("'Miami' has no rows in capacity.csv", ex.Message);
    }

    [Fact]
    public void A_negative_capacity_is_rejected()
    {
        var folder = CopyData();
        var capacity = Path.Combine(folder, CityCatalog.CapacityFile);
        var lines = File.ReadAllLines(capacity);
        lines[2] = "Phoenix,2030,-5,1";
        File.WriteAllLines(capacity, lines);
        var ex = Assert.Throws<DataValidationException>(() => CityCatalog.LoadFolder(folder));
        Assert.Equal((3, "solar_mw"), (ex.Line!.Value, ex.Column!));
    }

    [Theory]
    [InlineData(CityCatalog.CitiesFile)]
    [InlineData(CityCatalog.CapacityFile)]
    public void A_header_only_file_is_an_error_naming_it(string file)
    {
        var folder = CopyData();
        var path = Path.Combine(folder, file);
        File.WriteAllLines(path, File.ReadAllLines(path)[..1]);
        var ex = Assert.Throws<DataValidationException>(() => CityCatalog.LoadFolder(folder));
        Assert.EndsWith(file, ex.File);
        Assert.Contains("no data rows", ex.Message);
    }

    [Theory]
    [InlineData(CityCatalog.CitiesFile, 3)]
    [InlineData(CityCatalog.CapacityFile, 2)]
    public void A_duplicated_row_is_an_error_naming_file_and_line(string file, int line)
    {
        var folder = CopyData();
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, [.. lines, lines[line - 1]]);
        var ex = Assert.Throws<DataValidationException>(() => CityCatalog.LoadFolder(folder));
        Assert.EndsWith(file, ex.File);
        Assert.Equal(lines.Length + 1, ex.Line);
        Assert.Contains($"first seen on line {line}", ex.Message);
    }

    private static string CopyData()
    {
        var folder = Directory.CreateTempSubdirectory("evsc-city-data-").FullName;
        foreach (var f in new[] { CityCatalog.CitiesFile, CityCatalog.CapacityFile })
            File.Copy(Path.Combine(TestPaths.Data, "city-energy", f), Path.Combine(folder, f));
        return folder;
    }
}
