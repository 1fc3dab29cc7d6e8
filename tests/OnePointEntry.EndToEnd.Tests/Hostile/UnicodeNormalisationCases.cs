using static OnePointEntry.EndToEnd.Tests.Hostile.Inputs;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>
/// Text that looks alike and is not, or is alike and looks different: canonically equivalent text is stored in NFC
/// (so NFC and NFD are the same submission), compatibility forms and look-alikes from other scripts are kept as
/// they are and never merged.
/// </summary>
public static class UnicodeNormalisationCases
{
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("Decomposed é (NFD) is stored composed (NFC)", () => Json("organisation", "Cafe\u0301 Aarhus"),
            Expected.Accepted(enquiry => Assert.Equal("Caf\u00E9 Aarhus", Expected.Text(enquiry.View, "organisation")))),
        new("Hangul as jamo is stored as syllables", () => Json("organisation", "\u1112\u1161\u11AB\u1100\u116E\u11A8"),
            Expected.Accepted(enquiry => Assert.Equal("한국", Expected.Text(enquiry.View, "organisation")))),
        new("Angstrom sign is stored as Å", () => Json("organisation", "\u212Bngstr\u00F6m Institute"),
            Expected.Accepted(enquiry => Assert.Equal("\u00C5ngstr\u00F6m Institute", Expected.Text(enquiry.View, "organisation")))),
        new("Decomposed purpose is stored composed", () => Json("purpose", $"Bes\u00F8g i K\u00F8benhavn og A\u030Arhus {Unique()} {NotForScreening}"),
            Expected.Accepted(enquiry => Assert.Contains("\u00C5rhus", enquiry.Stored("Purpose"), StringComparison.Ordinal))),
        new("Cyrillic look-alike organisation is kept as typed", () => Json("organisation", "\u0410arhus \u0410ssociation"),
            Expected.Accepted(enquiry => Assert.Equal("\u0410arhus \u0410ssociation", Expected.Text(enquiry.View, "organisation")))),
        new("Full-width Latin organisation is kept as typed", () => Json("organisation", "\uFF21\uFF41\uFF52\uFF48\uFF55\uFF53"),
            Expected.Accepted(enquiry => Assert.Equal("\uFF21\uFF41\uFF52\uFF48\uFF55\uFF53", Expected.Text(enquiry.View, "organisation")))),
        new("Ligature ﬁ is kept as typed", () => Json("organisation", "\uFB01sheries council"),
            Expected.Accepted(enquiry => Assert.Equal("\uFB01sheries council", Expected.Text(enquiry.View, "organisation")))),
        new("Stacked combining marks within the length bound", () => Json("organisation", "Z" + new string('\u0301', 150)), Expected.Accepted()),
        new("Stacked combining marks over the length bound", () => Json("organisation", "Z" + new string('\u0301', 250)), Expected.Refused("organisation")),
        new("Arabic organisation without direction overrides", () => Json("organisation", "بلدية دبي"), Expected.Accepted()),
        new("Hebrew contact name without direction overrides", () => Json("contactName", "שרה לוי"), Expected.Accepted()),
        new("Turkish dotless ı and Greek final sigma", () => Json("organisation", "Iğdır Belediyesi και Αθήνας"), Expected.Accepted()),
        new("Cyrillic look-alike in an e-mail domain", () => Json("contactEmail", $"ann{Unique()}@ex\u0430mple.org"),
            Expected.Accepted(enquiry => Assert.Contains("\u0430", enquiry.Stored("ContactEmail"), StringComparison.Ordinal))),
        new("Decomposed sender name in mail is stored", () => RawMail(MailText(from: $"=?utf-8?b?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Rene\u0301 Dupont"))}?= <rene-{Unique()}@example.org>")), Expected.Accepted()),
    ];
}
