using OnePointEntry.Statistics;
using ScottPlot;

namespace OnePointEntry.Reports;

/// <summary>The chart of delegations per month by top country, as a PNG for the mail and the web page.</summary>
/// <remarks>
/// SkiaSharp's natives are the ones without fontconfig (a Functions Linux host may not have it), and the text
/// is set in the embedded <see cref="ReportFonts"/>: with no font on the host, ScottPlot would silently draw
/// no text at all.
/// </remarks>
public sealed class StatisticsChart(ReportText text)
{
    public const int Width = 1000;
    public const int Height = 500;

    // Distinct in hue and in marker, so the lines can be told apart without colour vision too.
    private static readonly MarkerShape[] s_markers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle,
    ];

    private static readonly string[] s_colours = ["#1f5fa8", "#c8102e", "#2e7d32", "#e07b00", "#6a3d9a", "#5f6368"];

    /// <summary>What the chart shows, in words: its alternative text.</summary>
    public string Describe(DelegationChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var countries = string.Join(", ", chart.Series.Select(series => $"{text.CountryName(series.CountryCode)} {ReportText.Count(series.Counts.Sum())}"));
        return $"Line chart of delegations facilitated per month from {ReportText.MonthName(chart.Months[0])} to {ReportText.MonthName(chart.Months[^1])}"
            + (chart.Series.Count == 0 ? ": none in that time." : $", by country, with the totals over the 24 months: {countries}. The table below gives every month's figures.");
    }

    public byte[] RenderPng(DelegationChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = new Plot();
        var positions = Enumerable.Range(0, chart.Months.Count).Select(index => (double)index).ToArray();
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var line = plot.Add.Scatter(positions, series.Counts.Select(count => (double)count).ToArray());
            line.Color = Color.FromHex(s_colours[i % s_colours.Length]);
            line.LineWidth = 2;
            line.MarkerShape = s_markers[i % s_markers.Length];
            line.MarkerSize = 6;
        }

        var ticks = positions.Where(position => (int)position % 3 == (chart.Months.Count - 1) % 3)
            .Select(position => new Tick(position, ReportText.ShortMonthName(chart.Months[(int)position])))
            .ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var highest = chart.Series.SelectMany(series => series.Counts).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(-0.5, chart.Months.Count - 0.5, 0, Math.Max(highest, 1) * 1.1);
        plot.Axes.Title.Label.Text = $"Delegations facilitated per month, {ReportText.MonthName(chart.Months[0])} – {ReportText.MonthName(chart.Months[^1])}";
        Font(plot.Axes.Title.Label, ReportFonts.Bold, 18);
        plot.Axes.Left.Label.Text = "Delegations";
        Font(plot.Axes.Left.Label, ReportFonts.Regular, 14);
        foreach (var axis in plot.Axes.GetAxes())
        {
            Font(axis.TickLabelStyle, ReportFonts.Regular, 12);
        }

        // Legend items made here rather than from the lines, so that they can carry the embedded font too.
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var item = new LegendItem { LabelText = text.CountryName(chart.Series[i].CountryCode) };
            item.LineStyle.Color = Color.FromHex(s_colours[i % s_colours.Length]);
            item.LineStyle.Width = 2;
            item.MarkerStyle.Shape = s_markers[i % s_markers.Length];
            item.MarkerStyle.FillColor = Color.FromHex(s_colours[i % s_colours.Length]);
            item.MarkerStyle.LineColor = Color.FromHex(s_colours[i % s_colours.Length]);
            item.MarkerStyle.Size = 6;
            Font(item.LabelStyle, ReportFonts.Regular, 13);
            plot.Legend.ManualItems.Add(item);
        }

        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void Font(LabelStyle style, SkiaSharp.SKTypeface typeface, float size)
    {
        style.Font = typeface;
        style.FontSize = size;
        style.Bold = typeface == ReportFonts.Bold;
    }
}
