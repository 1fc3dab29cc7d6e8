using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// The filters a text reader needs (Flate, ASCIIHex, ASCII85, RunLength), each charging one document's
/// <see cref="PdfReadBudget"/>. Every other filter is refused when a stream asks for it.
/// </summary>
/// <remarks>
/// The image filters (DCT, JPX, JBIG2, CCITT) decode pictures, which text never needs. LZW is refused too: its output
/// can be thousands of times its input and cannot be measured without decoding it; content written with LZW (a 1990s
/// compression, deprecated since) is rare enough in today's mail that such a page simply gives no text.
/// </remarks>
internal sealed class BoundedFilterProvider : IFilterProvider
{
    private readonly Dictionary<string, IFilter> _filters;

    public BoundedFilterProvider(PdfReadBudget budget)
    {
        var flate = new BoundedFilter(new FlateFilter(), budget, DecodedSize.Inflated);
        var runLength = new BoundedFilter(new RunLengthFilter(), budget, DecodedSize.RunLength);
        var asciiHex = new BoundedFilter(new AsciiHexDecodeFilter(), budget, measure: null);
        var ascii85 = new BoundedFilter(new Ascii85Filter(), budget, measure: null);
        _filters = new Dictionary<string, IFilter>(StringComparer.Ordinal)
        {
            [NameToken.FlateDecode.Data] = flate,
            [NameToken.FlateDecodeAbbreviation.Data] = flate,
            [NameToken.RunLengthDecode.Data] = runLength,
            [NameToken.RunLengthDecodeAbbreviation.Data] = runLength,
            [NameToken.AsciiHexDecode.Data] = asciiHex,
            [NameToken.AsciiHexDecodeAbbreviation.Data] = asciiHex,
            [NameToken.Ascii85Decode.Data] = ascii85,
            [NameToken.Ascii85DecodeAbbreviation.Data] = ascii85,
        };
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        if (!dictionary.TryGet(NameToken.Filter, out var token) && !dictionary.TryGet(NameToken.F, out token))
        {
            return [];
        }

        return token switch
        {
            NameToken name => [Get(name.Data)],
            ArrayToken array => [.. array.Data.Select(item => item is NameToken name ? Get(name.Data) : throw new NotSupportedException("A stream's filter is not a name."))],
            _ => throw new NotSupportedException("A stream's filter is neither a name nor an array of names."),
        };
    }

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [.. names.Select(name => Get(name.Data))];
    }

    public IReadOnlyList<IFilter> GetAllFilters() => [.. _filters.Values.Distinct()];

    private IFilter Get(string name) =>
        _filters.TryGetValue(name, out var filter) ? filter : throw new NotSupportedException($"The {name} filter is not read for text.");
}
