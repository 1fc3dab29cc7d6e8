namespace OnePointEntry.Extraction;

/// <summary>
/// Why the extractor gave a field its value: how sure it is, the words it read the value from and where in
/// the mail those words stand. Staff see it beside the value, so that a doubtful value is checked rather
/// than trusted.
/// </summary>
/// <param name="Field">The contract's field name (<c>country</c>, <c>arrivalDate</c>, <c>themes</c> ...).</param>
/// <param name="Value">The value as the contract writes it (a theme's id for <c>themes</c>, one evidence per theme).</param>
/// <param name="Confidence">From 0 (a guess) to 1 (the text says it outright).</param>
/// <param name="Quote">The words the value was read from, at most <see cref="MaxQuoteLength"/> characters; null when it was inferred (a region from its city).</param>
/// <param name="Part">Where the words stand in the mail.</param>
public sealed record FieldEvidence(string Field, string Value, double Confidence, string? Quote, MessagePart Part)
{
    /// <summary>Enough to recognise the sentence in the mail; the mail itself is kept whole.</summary>
    public const int MaxQuoteLength = 160;
}
