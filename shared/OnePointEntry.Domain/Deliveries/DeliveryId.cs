using System.Diagnostics.CodeAnalysis;

namespace OnePointEntry.Deliveries;

/// <summary>
/// Names one delivery for good: what it is about (an enquiry's reference, or a month's report), what it carries,
/// and for whom when that can change (the screener an enquiry is routed to). Recording the same delivery twice
/// records it once, which is what makes a repeated step harmless. Written <c>{subject}~{kind}[~{recipient}]</c>.
/// </summary>
public readonly record struct DeliveryId
{
    public const char Separator = '~';

    public DeliveryId(string subject, DeliveryKind kind, string? recipient = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (!IsPart(subject) || recipient is not null && (recipient.Length == 0 || !IsPart(recipient)))
        {
            throw new ArgumentException("A delivery's subject and recipient hold no separator, slash, hash, question mark or control character.", nameof(subject));
        }

        Subject = subject;
        Kind = kind;
        Recipient = recipient;
    }

    public string Subject { get; }

    public DeliveryKind Kind { get; }

    /// <summary>Whom the delivery is for, when the subject alone does not say it; null otherwise.</summary>
    public string? Recipient { get; }

    public override string ToString() => Recipient is null ? $"{Subject}{Separator}{Kind}" : $"{Subject}{Separator}{Kind}{Separator}{Recipient}";

    public static bool TryParse([NotNullWhen(true)] string? text, out DeliveryId id)
    {
        id = default;
        var parts = text?.Split(Separator);
        if (parts is not { Length: 2 or 3 } || !IsSubject(parts[0])
            || !Enum.TryParse<DeliveryKind>(parts[1], ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || kind.ToString() != parts[1]
            || parts.Length == 3 && (parts[2].Length == 0 || !IsPart(parts[2])))
        {
            return false;
        }

        id = new DeliveryId(parts[0], kind, parts.Length == 3 ? parts[2] : null);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> can be what a delivery is about (an enquiry's reference, <c>report-yyyy-MM</c>).</summary>
    public static bool IsSubject([NotNullWhen(true)] string? text) => !string.IsNullOrWhiteSpace(text) && IsPart(text);

    // Table Storage keys refuse '/', '\', '#', '?' and control characters; the separator would make the text ambiguous.
    private static bool IsPart(string part) =>
        part.Length <= 200 && !part.Any(c => c is Separator or '/' or '\\' or '#' or '?' || char.IsControl(c));
}
