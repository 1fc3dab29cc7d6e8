using SkiaSharp;

namespace OnePointEntry.Reports;

/// <summary>
/// The chart's typefaces, loaded from the fonts embedded in this assembly. The Functions Linux image may have
/// no fonts at all, and then SkiaSharp's default typeface draws nothing: the chart would lose every label.
/// Shipping the font also makes the PNG the same on every host.
/// </summary>
internal static class ReportFonts
{
    private static readonly Lazy<SKTypeface> s_regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> s_bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => s_regular.Value;

    public static SKTypeface Bold => s_bold.Value;

    private static SKTypeface Load(string file)
    {
        var name = $"OnePointEntry.Reports.Fonts.{file}";
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        // SKTypeface.FromStream reads lazily from a stream it does not own, so it gets a copy in memory.
        var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }
}
