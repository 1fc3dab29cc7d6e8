using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace OnePointEntry.Enquiries;

/// <summary>
/// The reference a delegation quotes, e.g. <c>OPE-2611-7K3F</c>: the year and month the enquiry was
/// received, then four Crockford base-32 characters. Crockford's alphabet leaves out I, L, O and U, so a
/// reference read out on the phone cannot be mistaken; parsing forgives the usual confusions.
/// The month in the reference is the enquiry's storage partition, so reading one is a point read.
/// </summary>
public readonly record struct EnquiryReference
{
    public const string Prefix = "OPE";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int CodeLength = 4;

    private EnquiryReference(int year, int month, string code)
    {
        Year = year;
        Month = month;
        Code = code;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The random part, e.g. <c>7K3F</c>.</summary>
    public string Code { get; }

    /// <summary>The month the enquiry was received as <c>yyyy-MM</c>, which is also its partition.</summary>
    public string ReceivedMonth => $"{Year:D4}-{Month:D2}";

    public static EnquiryReference New(DateOnly receivedOn)
    {
        Span<char> code = stackalloc char[CodeLength];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new EnquiryReference(receivedOn.Year, receivedOn.Month, new string(code));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out EnquiryReference reference)
    {
        reference = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length != 3
            || !parts[0].Equals(Prefix, StringComparison.OrdinalIgnoreCase)
            || parts[1].Length != 4
            || !int.TryParse(parts[1].AsSpan(0, 2), System.Globalization.NumberStyles.None, null, out var yy)
            || !int.TryParse(parts[1].AsSpan(2, 2), System.Globalization.NumberStyles.None, null, out var month)
            || month is < 1 or > 12
            || parts[2].Length != CodeLength)
        {
            return false;
        }

        Span<char> code = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            var c = Canonical(parts[2][i]);
            if (c is null)
            {
                return false;
            }

            code[i] = c.Value;
        }

        reference = new EnquiryReference(2000 + yy, month, new string(code));
        return true;
    }

    public override string ToString() => $"{Prefix}-{Year % 100:D2}{Month:D2}-{Code}";

    // Crockford decoding: case-insensitive, O read as zero, I and L read as one.
    private static char? Canonical(char c)
    {
        var upper = char.ToUpperInvariant(c);
        upper = upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => upper,
        };
        return Alphabet.Contains(upper, StringComparison.Ordinal) ? upper : null;
    }
}
