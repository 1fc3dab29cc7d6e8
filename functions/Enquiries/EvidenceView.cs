using System.Text.Json;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>Why the machine read a value: how sure it was, the words it read it from and where they stand in the mail.</summary>
/// <param name="Value">The value the machine read (for themes, the theme's id).</param>
/// <param name="Confidence">From 0 (a guess) to 1 (the mail says it outright).</param>
/// <param name="Sure">Whether the confidence reaches <see cref="EvidenceConfidence.Sure"/>; a value that is not sure is one to check.</param>
/// <param name="Quote">The words, for those who may read the mail; null when the value was inferred, or the words are withheld or erased (see <see cref="EnquiryStatusView.EvidenceQuotes"/>).</param>
/// <param name="Part">Where the words stand: <c>subject</c>, <c>senderName</c>, <c>ownWords</c>, <c>forwarded</c>, <c>quoted</c>, <c>signature</c>, <c>disclaimer</c> or <c>attachment</c>.</param>
public sealed record EvidenceView(string Value, double Confidence, bool Sure, string? Quote, string Part)
{
    public static EvidenceView Of(FieldEvidence evidence, bool withQuote)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new EvidenceView(
            evidence.Value,
            evidence.Confidence,
            !EvidenceConfidence.IsLow(evidence.Confidence),
            withQuote ? evidence.Quote : null,
            JsonNamingPolicy.CamelCase.ConvertName(evidence.Part.ToString()));
    }
}
