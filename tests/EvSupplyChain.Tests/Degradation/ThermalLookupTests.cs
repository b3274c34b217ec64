using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.Degradation;

public class ThermalLookupTests
{
    private static readonly ThermalCellParameters Cell = ThermalCellParameters.Default;

    [Theory]
    [InlineData(-20.0)]
    [InlineData(0.0)]
    [InlineData(25.0)]
    [InlineData(50.0)]
    public void Ode_with_frozen_resistance_matches_the_closed_form(double ambient)
    {
        var r = Cell.ResistanceOhm(ambient + 7);
        var closed = LumpedThermalModel.ClosedForm(ambient, Cell, r);
        var ode = LumpedThermalModel.Ode(ambient, Cell, frozenResistanceOhm: r);
        Assert.Equal(closed.AverageC - ambient, ode.AverageC - ambient, 1e-9 * (closed.AverageC - ambient));
        Assert.Equal(closed.PeakC - ambient, ode.PeakC - ambient, 1e-9 * (closed.PeakC - ambient));
    }

    [Fact]
    public void Spec_recipe_gives_about_8_K_average_and_10_K_peak_at_25_C()
    {
        // MODEL_SPEC §5.6: ΔT_ss ≈ 10 K at 25 °C, average ≈ +8 K, peak ≈ +10 K (R taken at 25 °C).
        var t = LumpedThermalModel.Solve(25, Cell, ThermalSolution.AmbientResistanceClosedForm);
        Assert.InRange(t.AverageRiseK, 7.5, 8.5);
        Assert.InRange(t.PeakRiseK, 9.5, 10.5);
        Assert.InRange(Cell.TimeConstantS, 560, 580);
    }

    [Fact]
    public void Default_lookup_heats_less_at_25_C_because_resistance_falls_as_the_cell_warms()
    {
        var t = BatteryTemperatureLookup.Default.At(25);
        Assert.InRange(t.AverageRiseK, 6.0, 7.0);
        Assert.InRange(t.PeakRiseK, 7.5, 8.5);
        var spec = LumpedThermalModel.Solve(25, Cell, ThermalSolution.AmbientResistanceClosedForm);
        Assert.True(t.AverageRiseK < spec.AverageRiseK && t.PeakRiseK < spec.PeakRiseK);
    }

    [Fact]
    public void Default_and_self_consistent_lookups_are_monotone_the_ambient_resistance_variant_is_not()
    {
        Assert.True(BatteryTemperatureLookup.Default.IsMonotone());
        Assert.True(BatteryTemperatureLookup.Build(Cell, ThermalSolution.SelfConsistentClosedForm).IsMonotone());
        var literal = BatteryTemperatureLookup.Build(Cell, ThermalSolution.AmbientResistanceClosedForm);
        Assert.False(literal.IsMonotone());
        Assert.True(literal.AverageC(-20) > literal.AverageC(0));
    }

    [Fact]
    public void Closed_form_self_consistent_agrees_with_the_ode_above_freezing()
    {
        for (var a = 0.0; a <= 50; a += 5)
        {
            var ode = LumpedThermalModel.Ode(a, Cell);
            var closed = LumpedThermalModel.SelfConsistent(a, Cell);
            Assert.InRange(closed.AverageC - ode.AverageC, -0.5, 0.5);
            Assert.InRange(closed.PeakC - ode.PeakC, -1.5, 1.5); // one R for the whole charge overstates the peak most near 0 °C
        }
    }

    [Fact]
    public void Lookup_interpolates_and_clamps_like_np_interp()
    {
        var lookup = BatteryTemperatureLookup.Default;
        Assert.Equal(15, lookup.Rows.Count); // −20..50 °C in 5 K steps
        var a = lookup.At(20);
        var b = lookup.At(25);
        var mid = lookup.At(22.5);
        Assert.Equal((a.AverageC + b.AverageC) / 2, mid.AverageC, 12);
        Assert.Equal(lookup.Rows[0].AverageC, lookup.AverageC(-40));
        Assert.Equal(lookup.Rows[^1].PeakC, lookup.PeakC(70));
    }

    [Fact]
    public void Csv_round_trip_and_bad_rows()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-thermal-").FullName;
        var path = Path.Combine(dir, "lookup.csv");
        File.WriteAllText(path, BatteryTemperatureLookup.Default.ToCsv());
        var back = BatteryTemperatureLookup.Load(path);
        Assert.Equal(BatteryTemperatureLookup.Default.Rows, back.Rows);

        File.WriteAllText(path, "ambient_temp_c,avg_batt_temp_c,peak_batt_temp_c\n0,5,6\n-5,1,2\n");
        var e = Assert.Throws<DataValidationException>(() => BatteryTemperatureLookup.Load(path));
        Assert.Equal(3, e.Line);
        Assert.Equal("ambient_temp_c", e.Column);

        File.WriteAllText(path, "ambient_temp_c,avg_batt_temp_c,peak_batt_temp_c\n0,5,4\n5,9,10\n");
        e = Assert.Throws<DataValidationException>(() => BatteryTemperatureLookup.Load(path));
        Assert.Equal("peak_batt_temp_c", e.Column);
    }

    [Fact]
    public void Bad_cell_parameters_name_the_parameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BatteryTemperatureLookup.Build(Cell with { FinalSoc = 0.05 }));
        Assert.Contains("FinalSoc", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BatteryTemperatureLookup.Default.At(double.NaN));
    }
}
