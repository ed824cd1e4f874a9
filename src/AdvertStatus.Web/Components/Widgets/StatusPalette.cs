using MudBlazor;

namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// One colour per meaning on every page: red for vulnerable or failing, amber for a warning, green for
/// fixed or succeeding, grey for unknown. Charts take the hex values; chips and cards the MudBlazor colours.
/// </summary>
public static class StatusPalette
{
    public const string Failing = "#c62828";
    public const string Warning = "#ef8f00";

    /// <summary>The amber of warning chips and text: darker than <see cref="Warning"/>, so white text on it passes WCAG AA.</summary>
    public const string WarningText = "#a35200";
    public const string Fixed = "#2e7d32";
    public const string Unknown = "#8a8a8a";

    /// <summary>How a coverage percentage reads against the target: green at or above it, amber from half of it, red below.</summary>
    public static Color CoverageColor(double percentFixed, double target) =>
        percentFixed >= target ? Color.Success : percentFixed >= target / 2 ? Color.Warning : Color.Error;

    public static string CoverageIcon(double percentFixed, double target) =>
        percentFixed >= target ? Icons.Material.Filled.VerifiedUser : percentFixed >= target / 2 ? Icons.Material.Filled.GppMaybe : Icons.Material.Filled.GppBad;

    /// <summary>Bar chart options for hourly counts: whole-number ticks at a readable step, one colour, no legend.</summary>
    public static BarChartOptions HourlyBars(string color, IEnumerable<double> values, string yTitle) =>
        Counts(new BarChartOptions(), color, values, yTitle);

    /// <summary>Hourly snapshots as a line, ticked like <see cref="HourlyBars"/>.</summary>
    public static LineChartOptions HourlyLine(string color, IEnumerable<double> values, string yTitle) =>
        Counts(new LineChartOptions(), color, values, yTitle);

    private static T Counts<T>(T options, string color, IEnumerable<double> values, string yTitle)
        where T : MudBlazor.Charts.DefaultAxisChartOptions
    {
        options.ChartPalette = [color];
        options.ShowLegend = false;
        options.YAxisTicks = NiceStep(values.DefaultIfEmpty(0).Max());
        options.MaxNumYAxisTicks = 6;
        options.YAxisTitle = yTitle;
        options.YAxisFormat = "0";
        return options;
    }

    /// <summary>A tick step of 1, 2 or 5 × 10ⁿ that puts at most five ticks under <paramref name="max"/>.</summary>
    public static int NiceStep(double max)
    {
        var raw = Math.Max(1, max / 5);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var multiple = (raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 };
        return (int)Math.Ceiling(multiple * magnitude);
    }
}
