using System.Text;
using System.Text.Json;
using static OnePointEntry.EndToEnd.Tests.Hostile.Inputs;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>Bodies in other encodings, broken UTF-8, byte-order marks, escapes that are not Unicode.</summary>
public static class EncodingCases
{
    private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("JSON body starting with a UTF-8 byte-order mark is read", () => Body([.. s_bom, .. Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Form()))], "application/json"),
            Expected.Accepted(enquiry => Assert.Equal("Aarhus Hostile Input Association", Expected.Text(enquiry.View, "organisation")))),
        new("Form-urlencoded body starting with a UTF-8 byte-order mark is read", () => FormText(text => "\uFEFF" + text), Expected.Accepted()),
        new("Two byte-order marks are not JSON", () => Body([.. s_bom, .. s_bom, .. Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Form()))], "application/json"), Expected.Malformed),
        new("Lone high surrogate escape \\ud800 in organisation", () => JsonRaw("organisation", "\"Org \\ud800\""), Expected.Refused("organisation")),
        new("Lone low surrogate escape \\udc00 in contactName", () => JsonRaw("contactName", "\"\\udc00Ann\""), Expected.Refused("contactName")),
        new("Surrogates in the wrong order in purpose", () => JsonRaw("purpose", "\"We visit \\udc00\\ud800 in May\""), Expected.Refused("purpose")),
        new("Lone surrogate in a theme id", () => JsonRaw("themes", "[\"energy-climate\",\"\\ud800\"]"), Expected.Refused("themes")),
        new("Lone surrogate in the honeypot", () => JsonRaw("website", "\"\\ud800\""), Expected.Refused("website")),
        new("Lone surrogate in an unknown field is ignored", () => JsonRaw("nickname", "\"\\ud800\""), Expected.Accepted()),
        new("Valid surrogate pair escape (emoji) in purpose", () => JsonRaw("purpose", "\"Study visit \\ud83d\\ude00 on wind power casino poker lottery\""),
            Expected.Accepted(enquiry => Assert.Contains("\U0001F600", enquiry.Stored("Purpose"), StringComparison.Ordinal))),
        new("Byte 0xFF inside a JSON string", () => Body([.. Encoding.UTF8.GetBytes("{\"organisation\":\"Org "), 0xFF, .. Encoding.UTF8.GetBytes("\"}")], "application/json"), Expected.Malformed),
        new("Overlong UTF-8 encoding of '/'", () => Body([.. Encoding.UTF8.GetBytes("{\"organisation\":\"Org "), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\"}")], "application/json"), Expected.Malformed),
        new("UTF-8 encoded surrogate (CESU) in JSON", () => Body([.. Encoding.UTF8.GetBytes("{\"organisation\":\"Org "), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}")], "application/json"), Expected.Malformed),
        new("Multi-byte sequence cut off at the end of the body", () => Body([.. Encoding.UTF8.GetBytes("{\"organisation\":\"Org"), 0xE4, 0xB8], "application/json"), Expected.Malformed),
        new("UTF-16 body declared as UTF-16", () => Body(Encoding.Unicode.GetBytes(JsonSerializer.Serialize(Form())), "application/json; charset=utf-16"), Expected.Unsupported),
        new("UTF-16 body declared as JSON without a charset", () => Body(Encoding.Unicode.GetBytes(JsonSerializer.Serialize(Form())), "application/json"), Expected.Malformed),
        new("Latin-1 charset declared", () => JsonText(text => text, "application/json; charset=iso-8859-1"), Expected.Unsupported),
        new("Upper-case UTF-8 charset is read", () => JsonText(text => text, "application/json; charset=UTF-8"), Expected.Accepted()),
        new("Raw Latin-1 byte in a form-urlencoded body", () => Body([.. Encoding.ASCII.GetBytes("organisation=Caf"), 0xE9, .. Encoding.ASCII.GetBytes("&country=DK")], "application/x-www-form-urlencoded"), Expected.Malformed),
        new("Percent-encoded invalid UTF-8 in a form field is kept as typed", () => FormText(text => text.Replace("organisation=Aarhus", "organisation=Aarhus%FF", StringComparison.Ordinal)),
            Expected.Accepted(enquiry => Assert.True(IsOneCleanLine(enquiry.Stored("Organisation"))))),
        new("Percent-encoded NUL in a form field", () => FormText(text => text.Replace("organisation=Aarhus", "organisation=Aarhus%00", StringComparison.Ordinal)), Expected.Refused("organisation")),
        new("GB2312 bytes in a JSON body", () => Body([.. Encoding.UTF8.GetBytes("{\"organisation\":\""), 0xB8, 0xB4, 0xB6, 0xFB, .. Encoding.UTF8.GetBytes("\"}")], "application/json"), Expected.Malformed),
        new("Chinese organisation and purpose in UTF-8", () => Json(form => { form["organisation"] = "辽阳市人民政府"; form["purpose"] = $"我们希望了解皮草产业。{Unique()} {NotForScreening}"; }),
            Expected.Accepted(enquiry => Assert.Equal("辽阳市人民政府", Expected.Text(enquiry.View, "organisation")))),
        new("Field name written with a Unicode escape", () => JsonText(text => text.Replace("\"organisation\"", "\"organ\\u0069sation\"", StringComparison.Ordinal)), Expected.Accepted()),
        new("NUL written as a JSON escape in organisation", () => JsonRaw("organisation", "\"Org\\u0000anisation\""), Expected.Refused("organisation")),
        new("No Content-Type", () => Body(JsonSerializer.Serialize(Form()), null), Expected.Unsupported),
        new("text/plain Content-Type", () => Body(JsonSerializer.Serialize(Form()), "text/plain"), Expected.Unsupported),
        new("Raw mail with a GB18030 encoded-word subject", () => RawMail(MailText(subject: "=?GB18030?B?" + Convert.ToBase64String(GbBytes("辽阳代表团访问")) + "?=")),
            Expected.Accepted(enquiry => Assert.True(IsOneCleanLine(enquiry.Stored("MailSubject"))))),
        new("Raw mail whose body declares an unknown charset", () => RawMail(MailText(contentType: "text/plain; charset=x-no-such-charset")), Expected.Accepted()),
        new("Raw mail with 8-bit bytes in a header and no charset", () => RawMail([.. Encoding.ASCII.GetBytes("Subject: Caf"), 0xE9, 0xFF, .. Encoding.UTF8.GetBytes("\r\n" + MailText(subject: null))]),
            Expected.Accepted(enquiry => Assert.True(IsOneCleanLine(enquiry.Stored("MailSubject"))))),
    ];

    private static byte[] GbBytes(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }
}
