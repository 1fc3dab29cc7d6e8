using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.Tokens;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// A colour context that sets no colour: text needs none, and PdfPig's own context resolves colour spaces as they are
/// set, evaluating ICC profiles and the functions of Separation and DeviceN spaces (a PostScript calculator function
/// nested a few thousand levels deep overflows the stack: PdfPig issue 1421, present in 0.1.16).
/// </summary>
internal sealed class NoColorSpaceContext : IColorSpaceContext
{
    public static readonly NoColorSpaceContext Instance = new();

    private NoColorSpaceContext()
    {
    }

    public ColorSpaceDetails CurrentStrokingColorSpace => DeviceGrayColorSpaceDetails.Instance;

    public ColorSpaceDetails CurrentNonStrokingColorSpace => DeviceGrayColorSpaceDetails.Instance;

    // It holds no state, so every saved graphics state can share it.
    public IColorSpaceContext DeepClone() => this;

    public void SetStrokingColorspace(NameToken colorspace, DictionaryToken? dictionary = null)
    {
    }

    public void SetNonStrokingColorspace(NameToken colorspace, DictionaryToken? dictionary = null)
    {
    }

    public void SetStrokingColor(double[] operands, NameToken? patternName = null)
    {
    }

    public void SetStrokingColorGray(double gray)
    {
    }

    public void SetStrokingColorRgb(double r, double g, double b)
    {
    }

    public void SetStrokingColorCmyk(double c, double m, double y, double k)
    {
    }

    public void SetNonStrokingColor(double[] operands, NameToken? patternName = null)
    {
    }

    public void SetNonStrokingColorGray(double gray)
    {
    }

    public void SetNonStrokingColorRgb(double r, double g, double b)
    {
    }

    public void SetNonStrokingColorCmyk(double c, double m, double y, double k)
    {
    }
}
