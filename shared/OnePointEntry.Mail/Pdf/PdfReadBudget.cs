namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// What one PDF may cost while its text is read: bytes decoded from its streams, glyphs drawn, content operations
/// run, form XObjects entered. Shared by everything that reads the one document, and spent for good: once any part
/// is spent, every further charge throws again, so a caller inside PdfPig that swallows the first throw cannot go on.
/// </summary>
/// <remarks>
/// The file's own size does not bound the work: a 1 KB stream inflates to 1 MB, a form XObject drawn ten times by a
/// form drawn ten times by ... is 10^n glyphs from a few hundred bytes, and every "q" clones the graphics state.
/// Each bound is far above what a real programme needs (a dense page is a few thousand glyphs and operations).
/// </remarks>
internal sealed class PdfReadBudget
{
    /// <summary>Decoded stream bytes (and undecoded page content) read from one document.</summary>
    public const long MaxDecodedBytes = 16L * 1024 * 1024;

    /// <summary>Glyphs drawn; the text kept is bounded by <see cref="MailParser.MaxText"/> anyway.</summary>
    public const int MaxGlyphs = MailParser.MaxText;

    /// <summary>Content stream operations run, those of form XObjects included each time one is drawn.</summary>
    public const int MaxOperations = 2_000_000;

    /// <summary>Form XObjects drawn.</summary>
    public const int MaxFormXObjects = 20_000;

    private long _decodedBytes;
    private int _glyphs;
    private int _operations;
    private int _formXObjects;

    public bool IsSpent { get; private set; }

    public long DecodedBytesLeft => MaxDecodedBytes - _decodedBytes;

    public void ChargeDecodedBytes(long count) => Charge(ref _decodedBytes, count, MaxDecodedBytes);

    public void ChargeGlyph() => Charge(ref _glyphs, 1, MaxGlyphs);

    public void ChargeOperation() => Charge(ref _operations, 1, MaxOperations);

    public void ChargeFormXObject() => Charge(ref _formXObjects, 1, MaxFormXObjects);

    private void Charge(ref long spent, long count, long limit)
    {
        if (IsSpent || count > limit - spent)
        {
            IsSpent = true;
            throw new PdfBudgetExceededException();
        }

        spent += count;
    }

    private void Charge(ref int spent, int count, int limit)
    {
        if (IsSpent || count > limit - spent)
        {
            IsSpent = true;
            throw new PdfBudgetExceededException();
        }

        spent += count;
    }
}
