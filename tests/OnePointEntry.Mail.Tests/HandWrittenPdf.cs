using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OnePointEntry.Mail.Tests;

/// <summary>
/// PDFs written byte by byte, for what PdfPig's own builder will not make: hostile structure (forms drawing each other,
/// page trees thousands deep, streams that inflate to megabytes) and standard-security encryption.
/// </summary>
internal static class HandWrittenPdf
{
    public const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    // The PDF standard security handler's padding string (ISO 32000-1, 7.6.3.3, algorithm 2).
    private static readonly byte[] s_passwordPadding = Convert.FromHexString("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

    /// <summary>Objects 1..n in order, with a correct cross-reference table; object 1 is the catalog.</summary>
    public static byte[] Build(IReadOnlyList<byte[]> objects, string extraTrailer = "", string header = "%PDF-1.4\n")
    {
        using var pdf = new MemoryStream();
        Write(pdf, header);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, FormattableString.Invariant($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        var table = new StringBuilder(FormattableString.Invariant($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {extraTrailer}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(pdf, table.ToString());
        return pdf.ToArray();
    }

    public static byte[] Build(params string[] objects) => Build([.. objects.Select(Encoding.Latin1.GetBytes)], string.Empty);

    public static byte[] Build(string[] objects, string header) => Build([.. objects.Select(Encoding.Latin1.GetBytes)], string.Empty, header);

    /// <summary>A one-page document: catalog, pages, the page (with <paramref name="pageResources"/>), its content, Helvetica as /F1, then <paramref name="more"/> as objects 6 on.</summary>
    public static byte[] OnePage(string content, string pageResources = "", params string[] more) => Build(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> {pageResources} >> /Contents 4 0 R >>",
        Stream(content),
        Helvetica,
        .. more,
    ]);

    public static string Stream(string content, string dictionary = "") =>
        $"<< /Length {Encoding.Latin1.GetByteCount(content)} {dictionary} >>\nstream\n{content}\nendstream";

    public static byte[] Stream(byte[] data, string dictionary) =>
        [.. Encoding.Latin1.GetBytes($"<< /Length {data.Length} {dictionary} >>\nstream\n"), .. data, .. Encoding.Latin1.GetBytes("\nendstream")];

    /// <summary>Data compressed as a FlateDecode stream holds it (zlib).</summary>
    public static byte[] Flate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    /// <summary>
    /// A one-page document drawing <paramref name="text"/>, encrypted by the standard security handler (revision 2,
    /// RC4 with a 40-bit key): it opens without a password only when <paramref name="userPassword"/> is empty.
    /// </summary>
    /// <remarks>
    /// The handler is MD5 and RC4 by definition (ISO 32000-1, 7.6.3, algorithms 1 to 4); PdfPig's builder writes no
    /// encryption, so the test writes it.
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "The PDF standard security handler is MD5 and RC4 by definition; a test fixture.")]
    public static byte[] Encrypted(string text, string userPassword, string ownerPassword)
    {
        var id = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");
        const int permissions = -4;
        var owner = Rc4(MD5.HashData(Padded(ownerPassword))[..5], Padded(userPassword));
        var key = MD5.HashData([.. Padded(userPassword), .. owner, .. BitConverter.GetBytes(permissions), .. id])[..5];
        var user = Rc4(key, s_passwordPadding);

        var content = Encoding.Latin1.GetBytes($"BT /F1 12 Tf 72 700 Td ({text}) Tj ET");
        var objects = new List<byte[]>
        {
            Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.Latin1.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.Latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            // Object 4: each object's strings and streams are encrypted with a key made from the file key and its number.
            Stream(Rc4(MD5.HashData([.. key, 4, 0, 0, 0, 0])[..10], content), string.Empty),
            Encoding.Latin1.GetBytes(Helvetica),
            Encoding.Latin1.GetBytes($"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>"),
        };
        return Build(objects, $"/Encrypt 6 0 R /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>] ");
    }

    private static byte[] Padded(string password)
    {
        var bytes = Encoding.Latin1.GetBytes(password);
        return [.. bytes.Take(32), .. s_passwordPadding.Take(32 - Math.Min(32, bytes.Length))];
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        return output;
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
