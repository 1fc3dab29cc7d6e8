using UglyToad.PdfPig;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// PdfPig's options for reading one untrusted document, carrying that document's <see cref="PdfReadBudget"/>.
/// </summary>
/// <remarks>
/// PdfPig makes page factories itself, by reflection, handing them only its own parts and these options: the options
/// are the one thing that reaches <see cref="PdfTextPageFactory"/> from the caller, so the budget travels in them.
/// </remarks>
internal sealed class PdfReadOptions : ParsingOptions
{
    public PdfReadOptions(PdfReadBudget budget)
    {
        Budget = budget;
        FilterProvider = new BoundedFilterProvider(budget);
        UseLenientParsing = true;
        // A glyph whose font is missing or broken is dropped rather than losing the rest of the page.
        SkipMissingFonts = true;
        ClipPaths = false;
    }

    public PdfReadBudget Budget { get; }
}
