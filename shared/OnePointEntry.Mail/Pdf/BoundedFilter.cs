using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace OnePointEntry.Mail.Pdf;

/// <summary>One of PdfPig's filters, with what it decodes charged to the document's <see cref="PdfReadBudget"/>.</summary>
/// <param name="inner">PdfPig's filter.</param>
/// <param name="budget">The document's budget.</param>
/// <param name="measure">
/// For a filter whose output can be far larger than its input: the decoded size, counted up to a cap without keeping
/// the output, so a bomb is refused before the filter decodes it. Null where the output is no larger than the input.
/// </param>
internal sealed class BoundedFilter(IFilter inner, PdfReadBudget budget, Func<ReadOnlyMemory<byte>, long, long>? measure) : IFilter
{
    public bool IsSupported => inner.IsSupported;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        long charged = 0;
        if (measure is not null)
        {
            charged = measure(input, budget.DecodedBytesLeft);
            budget.ChargeDecodedBytes(charged);
        }

        var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        if (output.Length > charged)
        {
            budget.ChargeDecodedBytes(output.Length - charged);
        }

        return output;
    }
}
