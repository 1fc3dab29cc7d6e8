using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// Makes <see cref="PdfPageText"/> pages with <see cref="PdfTextProcessor"/>, charging each page's content streams to
/// the document's <see cref="PdfReadBudget"/> before PdfPig joins them.
/// </summary>
/// <remarks>
/// PdfPig joins a page's content streams in memory before parsing them, and a stream with no filter never reaches the
/// filters that charge the budget: a page listing one unfiltered 5 MB stream a million times would ask for terabytes.
/// So <see cref="IPageFactory{TPage}.Create"/> is implemented again here (PdfPig calls it through the interface) to
/// charge every stream's stored size, each time it is listed, first. PdfPig constructs the factory by reflection with
/// exactly this constructor.
/// </remarks>
internal sealed class PdfTextPageFactory : BasePageFactory<PdfPageText>, IPageFactory<PdfPageText>
{
    private readonly PdfReadBudget _budget;

    public PdfTextPageFactory(
        IPdfTokenScanner pdfScanner,
        IResourceStore resourceStore,
        ILookupFilterProvider filterProvider,
        IPageContentParser pageContentParser,
        ParsingOptions parsingOptions)
        : base(pdfScanner, resourceStore, filterProvider, pageContentParser, parsingOptions)
    {
        _budget = (parsingOptions as PdfReadOptions)?.Budget
            ?? throw new ArgumentException($"The document must be opened with {nameof(PdfReadOptions)}.", nameof(parsingOptions));
    }

    PdfPageText IPageFactory<PdfPageText>.Create(int number, DictionaryToken dictionary, PageTreeMembers pageTreeMembers, NamedDestinations namedDestinations)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ChargeContentStreams(dictionary);
        return Create(number, dictionary, pageTreeMembers, namedDestinations);
    }

    protected override PdfPageText ProcessPage(
        int pageNumber,
        DictionaryToken dictionary,
        NamedDestinations namedDestinations,
        MediaBox mediaBox,
        CropBox cropBox,
        UserSpaceUnit userSpaceUnit,
        PageRotationDegrees rotation,
        TransformationMatrix initialMatrix,
        IReadOnlyList<IGraphicsStateOperation> operations)
    {
        var processor = new PdfTextProcessor(
            pageNumber, ResourceStore, PdfScanner, PageContentParser, FilterProvider, cropBox, userSpaceUnit, rotation, initialMatrix, ParsingOptions, _budget);
        return processor.Process(pageNumber, operations);
    }

    private void ChargeContentStreams(DictionaryToken page)
    {
        if (!page.TryGet(NameToken.Contents, out var contents))
        {
            return;
        }

        if (DirectObjectFinder.TryGet<ArrayToken>(contents, PdfScanner, out var array))
        {
            foreach (var item in array.Data)
            {
                Charge(item);
            }
        }
        else
        {
            Charge(contents);
        }
    }

    private void Charge(IToken content)
    {
        // One byte more for the line end PdfPig puts between streams, so that even empty streams listed a million times cost.
        var size = DirectObjectFinder.TryGet<StreamToken>(content, PdfScanner, out var stream) ? stream.Data.Length : 0;
        _budget.ChargeDecodedBytes(size + 1L);
    }
}
