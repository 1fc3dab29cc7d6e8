using static OnePointEntry.EndToEnd.Tests.Hostile.Inputs;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>
/// Control characters, line breaks, NUL and invisible or direction-changing characters: refused by name in a
/// single-line field, refused in free text except line breaks and tabs, and cleaned out of mail.
/// </summary>
public static class ControlCharacterCases
{
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("NUL inside organisation", () => Json("organisation", "Aarhus\0Association"), Expected.Refused("organisation")),
        new("CR/LF inside contactName", () => Json("contactName", "Ann\r\nSender"), Expected.Refused("contactName")),
        new("Zero-width space inside contactEmail", () => Json("contactEmail", $"ann\u200B{Unique()}@example.org"), Expected.Refused("contactEmail")),
        new("TAB inside organisation", () => Json("organisation", "Aarhus\tAssociation"), Expected.Refused("organisation")),
        new("Right-to-left override U+202E in organisation", () => Json("organisation", "Aarhus \u202Etxt.exe"), Expected.Refused("organisation")),
        new("Left-to-right isolate U+2066 in organisation", () => Json("organisation", "\u2066Aarhus\u2069"), Expected.Refused("organisation")),
        new("Byte-order mark U+FEFF inside organisation", () => Json("organisation", "Aarhus\uFEFFAssociation"), Expected.Refused("organisation")),
        new("Zero-width joiner in organisation", () => Json("organisation", "Aar\u200Dhus"), Expected.Refused("organisation")),
        new("Next line U+0085 in organisation", () => Json("organisation", "Aarhus\u0085Association"), Expected.Refused("organisation")),
        new("Line separator U+2028 in organisation", () => Json("organisation", "Aarhus\u2028Association"), Expected.Refused("organisation")),
        new("DEL in organisation", () => Json("organisation", "Aarhus\u007F"), Expected.Refused("organisation")),
        new("ESC (terminal escape) in organisation", () => Json("organisation", "\u001B[31mAarhus"), Expected.Refused("organisation")),
        new("Left-to-right mark U+200E in organisation", () => Json("organisation", "Aarhus\u200E"), Expected.Refused("organisation")),
        new("LF alone in contactName", () => Json("contactName", "Ann\nSender"), Expected.Refused("contactName")),
        new("Right-to-left mark U+200F in contactName", () => Json("contactName", "Ann\u200FSender"), Expected.Refused("contactName")),
        new("Left-to-right embedding U+202A in contactName", () => Json("contactName", "\u202AAnn"), Expected.Refused("contactName")),
        new("BEL in contactName", () => Json("contactName", "Ann\u0007"), Expected.Refused("contactName")),
        new("Zero-width non-joiner in contactEmail", () => Json("contactEmail", $"ann\u200C{Unique()}@example.org"), Expected.Refused("contactEmail")),
        new("Word joiner U+2060 in contactEmail", () => Json("contactEmail", $"ann{Unique()}@exam\u2060ple.org"), Expected.Refused("contactEmail")),
        new("NUL in contactEmail", () => Json("contactEmail", $"ann{Unique()}@example.org\0"), Expected.Refused("contactEmail")),
        new("CR in contactEmail (header injection)", () => Json("contactEmail", $"ann{Unique()}@example.org\rBcc: all@example.org"), Expected.Refused("contactEmail")),
        new("LF in phone", () => Json("phone", "+45 1234\n5678"), Expected.Refused("phone")),
        new("Zero-width space in phone", () => Json("phone", "+45 1234\u200B5678"), Expected.Refused("phone")),
        new("Left-to-right override U+202D in city", () => Json("city", "\u202DAarhus"), Expected.Refused("city")),
        new("CR in city", () => Json("city", "Aarhus\r"), Expected.Refused("city")),
        new("Pop directional isolate U+2069 in referredBy", () => Json("referredBy", "Aarhus Kommune\u2069"), Expected.Refused("referredBy")),
        new("NUL in referredBy", () => Json("referredBy", "Aarhus\0Kommune"), Expected.Refused("referredBy")),
        new("LF in country", () => Json("country", "D\nK"), Expected.Refused("country")),
        new("NUL in purpose", () => Json("purpose", "We visit\0 in May"), Expected.Refused("purpose")),
        new("BEL in purpose", () => Json("purpose", "We visit\u0007 in May"), Expected.Refused("purpose")),
        new("Right-to-left override in purpose", () => Json("purpose", "We visit \u202Ein May"), Expected.Refused("purpose")),
        new("Line breaks and tabs in purpose are kept", () => Json("purpose", $"Programme:\r\n\t1. Wind farms\r\n\t2. District heating\n{Unique()} {NotForScreening}"),
            Expected.Accepted(enquiry => Assert.Contains("\n\t2. District heating", enquiry.Stored("Purpose"), StringComparison.Ordinal))),
        new("Emoji with zero-width joiners in purpose", () => Json("purpose", $"A family visit \U0001F468\u200D\U0001F469\u200D\U0001F467 {Unique()} {NotForScreening}"), Expected.Accepted()),
        new("CR/LF in a form-urlencoded organisation", () => FormPost("organisation", "Aarhus\r\nAssociation"), Expected.Refused("organisation")),
        new("CR/LF in a status change's changedBy", () => StatusChange("{\"status\":\"Accepted\",\"changedBy\":\"anna\\r\\nmallory\"}"), Expected.Refused("changedBy")),
        new("NUL in a status change's note", () => StatusChange("{\"status\":\"Accepted\",\"changedBy\":\"anna\",\"note\":\"ok\\u0000\"}"), Expected.Refused("note")),
        new("Line breaks in a status change's note are read (then: no such enquiry)", () => StatusChange("{\"status\":\"Accepted\",\"changedBy\":\"anna\",\"note\":\"line one\\nline two\"}"), Expected.NotFound),
        new("Zero-width space in an erasure's changedBy", () => Erasure("{\"changedBy\":\"anna\\u200b\"}"), Expected.Refused("changedBy")),
        new("Mail sender name with an encoded CR/LF and NUL is stored as one clean line", () => RawMail(MailText(from: $"=?utf-8?b?{B64("Ann\r\nBcc: all@example.org\0")}?= <ann-{Unique()}@example.org>")),
            Expected.Accepted(enquiry => Assert.True(IsOneCleanLine(enquiry.Stored("ContactName"))))),
        new("Mail subject with encoded ESC, NUL and a bidi override is stored as one clean line", () => RawMail(MailText(subject: $"=?utf-8?b?{B64("Visit\u001B[2J\0 \u202Eexe.pdf")}?=")),
            Expected.Accepted(enquiry => Assert.True(IsOneCleanLine(enquiry.Stored("MailSubject"))))),
        new("Mail body with NUL and ESC bytes keeps only text", () => RawMail(MailText(body: "We visit\0 in May\u001B[31m with 8 people. " + NotForScreening)),
            Expected.Accepted(enquiry => Assert.DoesNotContain(enquiry.Stored("Purpose")!, c => char.IsControl(c) && c is not '\n' and not '\t'))),
    ];

    private static string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
