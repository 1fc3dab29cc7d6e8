using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.PdfFonts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.XObjects;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// Runs one page's content keeping only its glyphs (no paths, images or clipping), within the document's
/// <see cref="PdfReadBudget"/>, with form XObjects and saved graphics states nested no deeper than a real page needs.
/// </summary>
/// <remarks>
/// PdfPig's own page processor guards neither: a form XObject that draws another which draws the first recurses until
/// the process dies of a stack overflow (no exception to catch), a form drawn ten times by a form drawn ten times ...
/// draws 10^n glyphs from a few hundred bytes, and each "q" clones the whole graphics state.
/// </remarks>
internal sealed class PdfTextProcessor : BaseStreamProcessor<PdfPageText>
{
    /// <summary>Forms drawn inside forms; real documents nest a few.</summary>
    public const int MaxFormDepth = 10;

    /// <summary>Graphics states saved ("q") and not yet restored; the PDF reference's own implementation limit is 28.</summary>
    public const int MaxSavedStates = 64;

    private readonly PdfReadBudget _budget;
    private readonly List<PdfGlyph> _glyphs = [];
    private int _formDepth;
    private int _unsavedStates;

    public PdfTextProcessor(
        int pageNumber,
        IResourceStore resourceStore,
        IPdfTokenScanner pdfScanner,
        IPageContentParser pageContentParser,
        ILookupFilterProvider filterProvider,
        CropBox cropBox,
        UserSpaceUnit userSpaceUnit,
        PageRotationDegrees rotation,
        in TransformationMatrix initialMatrix,
        ParsingOptions parsingOptions,
        PdfReadBudget budget)
        : base(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation, initialMatrix, parsingOptions)
    {
        _budget = budget;
    }

    public override PdfPageText Process(int pageNumberCurrent, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        PageNumber = pageNumberCurrent;
        CloneAllStates();
        GetCurrentState().ColorSpaceContext = NoColorSpaceContext.Instance;
        try
        {
            ProcessOperations(operations);
        }
        catch (Exception)
        {
            // Whatever stops the page (a broken font, a spent budget, hostile structure), the text drawn before it stands.
        }

        return new PdfPageText(PdfTextLayout.Join(_glyphs));
    }

    protected override void ProcessOperations(IReadOnlyList<IGraphicsStateOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations)
        {
            _budget.ChargeOperation();
            operation.Run(this);
        }
    }

    protected override void ProcessFormXObject(StreamToken formStream, NameToken xObjectName)
    {
        if (_formDepth >= MaxFormDepth)
        {
            return;
        }

        _budget.ChargeFormXObject();
        _formDepth++;
        try
        {
            base.ProcessFormXObject(formStream, xObjectName);
        }
        finally
        {
            _formDepth--;
        }
    }

    public override void PushState()
    {
        if (StackSize >= MaxSavedStates)
        {
            _unsavedStates++;
            return;
        }

        base.PushState();
    }

    public override void PopState()
    {
        if (_unsavedStates > 0)
        {
            _unsavedStates--;
            return;
        }

        base.PopState();
    }

    public override void RenderGlyph(
        IFont font,
        CurrentGraphicsState currentState,
        double fontSize,
        double pointSize,
        int code,
        string unicode,
        long currentOffset,
        in TransformationMatrix renderingMatrix,
        in TransformationMatrix textMatrix,
        in TransformationMatrix transformationMatrix,
        CharacterBoundingBox characterBoundingBox)
    {
        _budget.ChargeGlyph();
        // Glyph space to text space to user space (PdfPig's matrices multiply a row vector from the left).
        var toPage = renderingMatrix.Multiply(textMatrix).Multiply(transformationMatrix);
        var start = toPage.Transform(new PdfPoint(0, 0));
        var end = toPage.Transform(new PdfPoint(characterBoundingBox.Width, 0));
        _glyphs.Add(new PdfGlyph(unicode, start.X, end.X, start.Y, pointSize));
    }

    public override void SetNamedGraphicsState(NameToken stateName)
    {
        // An extended graphics state sets line widths, blending and soft masks (whose functions PdfPig parses); a font
        // chosen through one instead of Tf is so rare that reading none of them costs nothing worth the parsing.
    }

    public override void EndInlineImage(Memory<byte> bytes)
    {
        // An inline image is a picture; PdfPig would decode its filters only to hand it to RenderInlineImage.
        InlineImageBuilder = null;
    }

    // Everything below draws pictures, paths and clips, which text does not need.
    protected override void RenderXObjectImage(XObjectContentRecord xObjectContentRecord)
    {
    }

    protected override void RenderInlineImage(UglyToad.PdfPig.Content.InlineImage inlineImage)
    {
    }

    public override void BeginSubpath()
    {
    }

    public override PdfPoint? CloseSubpath() => null;

    public override void StrokePath(bool close)
    {
    }

    public override void FillPath(FillingRule fillingRule, bool close)
    {
    }

    public override void FillStrokePath(FillingRule fillingRule, bool close)
    {
    }

    public override void MoveTo(double x, double y)
    {
    }

    public override void BezierCurveTo(double x2, double y2, double x3, double y3)
    {
    }

    public override void BezierCurveTo(double x1, double y1, double x2, double y2, double x3, double y3)
    {
    }

    public override void LineTo(double x, double y)
    {
    }

    public override void Rectangle(double x, double y, double width, double height)
    {
    }

    public override void EndPath()
    {
    }

    public override void ClosePath()
    {
    }

    public override void ModifyClippingIntersect(FillingRule clippingRule)
    {
    }

    protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule clippingRule)
    {
    }

    public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties)
    {
    }

    public override void EndMarkedContent()
    {
    }

    public override void PaintShading(NameToken shadingName)
    {
    }
}
