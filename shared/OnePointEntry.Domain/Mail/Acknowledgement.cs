using System.Net;
using OnePointEntry.Text;

namespace OnePointEntry.Mail;

/// <summary>
/// The reply a sender gets when their e-mail has become an enquiry: the reference and what happens next,
/// in the enquiry's language (Danish, Chinese, otherwise English).
/// </summary>
/// <remarks>
/// The subject repeats the sender's, which may hold anything: it is made one line of visible text (no CR/LF to
/// inject a header with, no control or direction-changing characters) of at most <see cref="MaxSubjectLength"/>
/// characters.
/// </remarks>
public sealed record Acknowledgement(string Language, string Subject, string HtmlBody, string PlainTextBody)
{
    /// <summary>The longest subject: what Outlook and Graph show whole, and far below any header limit.</summary>
    public const int MaxSubjectLength = 255;

    public static Acknowledgement For(string? language, string reference, string? originalSubject)
    {
        var text = Texts.For(language);
        var original = DisplayText.SingleLine(originalSubject, MaxSubjectLength);
        var subject = original.Length == 0 ? text.Subject(reference) : DisplayText.Bound($"{text.ReplyPrefix} {original}", MaxSubjectLength);
        var paragraphs = new[] { text.Greeting, text.Received(reference), text.Next, text.Quote(reference), text.Signature };
        var html = $"<html lang=\"{text.Language}\"><body>{string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}</body></html>";
        return new Acknowledgement(text.Language, subject, html, string.Join("\n\n", paragraphs));
    }

    private sealed record Texts(
        string Language,
        string ReplyPrefix,
        Func<string, string> Subject,
        string Greeting,
        Func<string, string> Received,
        string Next,
        Func<string, string> Quote,
        string Signature)
    {
        private static readonly Texts s_english = new(
            "en",
            "Re:",
            reference => $"Your enquiry to One-Point Entry ({reference})",
            "Thank you for your enquiry.",
            reference => $"We have received it and registered it as {reference}.",
            "One of our staff will read it within two working days and contact you about the programme, the partners in Greater Copenhagen you could meet, and the next steps.",
            reference => $"Please quote {reference} when you write or call us about this visit.",
            "Kind regards, One-Point Entry, Greater Copenhagen");

        private static readonly Texts s_danish = new(
            "da",
            "SV:",
            reference => $"Din henvendelse til One-Point Entry ({reference})",
            "Tak for din henvendelse.",
            reference => $"Vi har modtaget den og registreret den som {reference}.",
            "En af vores medarbejdere læser den inden for to arbejdsdage og kontakter dig om programmet, de partnere i Greater Copenhagen, delegationen kan møde, og de næste skridt.",
            reference => $"Oplys venligst {reference}, når du skriver eller ringer til os om besøget.",
            "Med venlig hilsen, One-Point Entry, Greater Copenhagen");

        private static readonly Texts s_chinese = new(
            "zh",
            "回复：",
            reference => $"您发给 One-Point Entry 的咨询（{reference}）",
            "感谢您的来函。",
            reference => $"我们已收到您的咨询，编号为 {reference}。",
            "我们的工作人员将在两个工作日内阅读并与您联系，商讨访问日程、可在大哥本哈根地区会见的合作伙伴以及后续步骤。",
            reference => $"就此次访问与我们联系时，请注明编号 {reference}。",
            "此致敬礼！One-Point Entry，大哥本哈根");

        public static Texts For(string? language) => language?.ToLowerInvariant() switch
        {
            "da" => s_danish,
            "zh" => s_chinese,
            _ => s_english,
        };
    }
}
