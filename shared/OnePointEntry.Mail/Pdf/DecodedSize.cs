using System.IO.Compression;
using System.Runtime.InteropServices;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// How large a stream would be once decoded, found without keeping the output, so that a bomb is refused before
/// PdfPig decodes it into memory (its Flate and RunLength filters grow their output until the data ends).
/// </summary>
internal static class DecodedSize
{
    /// <summary>The inflated size of Flate data, counted up to just past <paramref name="cap"/>.</summary>
    /// <remarks>Read as PdfPig's FlateFilter reads it: the two zlib header bytes skipped, raw deflate after them.</remarks>
    public static long Inflated(ReadOnlyMemory<byte> input, long cap)
    {
        if (input.Length <= 2)
        {
            return 0;
        }

        var data = input[2..];
        using var source = MemoryMarshal.TryGetArray(data, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while (total <= cap && (read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Corrupt past this point: the filter stops here too (and then hands back its input, which is charged after).
        }

        return total;
    }

    /// <summary>The decoded size of RunLengthDecode data: each run says how long it is.</summary>
    public static long RunLength(ReadOnlyMemory<byte> input, long cap)
    {
        var span = input.Span;
        long total = 0;
        var i = 0;
        while (i < span.Length && total <= cap)
        {
            int length = span[i++];
            if (length == 128)
            {
                break;
            }

            if (length < 128)
            {
                total += length + 1;
                i += length + 1;
            }
            else
            {
                total += 257 - length;
                i++;
            }
        }

        return total;
    }
}
