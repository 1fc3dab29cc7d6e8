namespace OnePointEntry.Extraction;

/// <summary>
/// Whether a mail reads as a delegation's enquiry at all. The shared mailbox also gets auto-replies, bounces,
/// invitations, invoices, newsletters, spam and thanks for past visits, which hold places, dates and numbers an
/// extractor would take for a delegation's; such a mail gets no facts, only a reason, and goes to a person.
/// The rules, in order (the first that holds decides):
/// <list type="number">
/// <item>mail marked automated (Auto-Submitted, bulk Precedence, List-Id, a null Return-Path) is not an enquiry;</item>
/// <item>mail written only by One-Point Entry itself (nothing from outside in it) is not an enquiry;</item>
/// <item>a subject of an auto-reply, bounce, invitation, invoice or newsletter says it is not one;</item>
/// <item>phrases of machine-made, bulk, spam or phishing mail in the sender's own words say it is not one;</item>
/// <item>thanks for a visit, with no visit date still to come, is not one;</item>
/// <item>a mail whose own words never speak of a delegation, a group, coming or leaving, or Denmark, and that gives
/// no group size and no theme, is not one.</item>
/// </list>
/// </summary>
internal sealed class EnquiryRecognition
{
    private static readonly Lazy<EnquiryRecognition> s_default = new(() => new EnquiryRecognition(ExtractionCues.Default));

    private readonly PhraseScanner<string> _subjects;
    private readonly PhraseScanner<string> _phrases;
    private readonly PhraseScanner<string> _thanks;
    private readonly PhraseScanner<string> _delegation;
    private readonly PhraseScanner<string> _denmark;

    public EnquiryRecognition(ExtractionCues cues)
    {
        _subjects = new PhraseScanner<string>(cues.NotEnquirySubjects.Select(s => (s, s)));
        _phrases = new PhraseScanner<string>(cues.NotEnquiryPhrases.Select(s => (s, s)));
        _thanks = new PhraseScanner<string>(cues.ThanksAfterVisit.Select(s => (s, s)));
        _delegation = new PhraseScanner<string>(cues.DelegationCues.Concat(cues.VisitWords).Concat(cues.ArrivalCues).Concat(cues.DepartureCues).Select(s => (s, s)), allowGenitive: true);
        // Denmark and Copenhagen by name (not "your", 贵市 and the like, which the host words also hold).
        // With Denmark in the other languages and scripts the itinerary reader knows ("w Danii", デンマーク).
        _denmark = new PhraseScanner<string>(
            cues.HostPlaces.Where(h => char.IsUpper(h[0]) || (TextKind.IsHan(h[0]) && h.Length > 2) || h.Contains('丹')).Concat(cues.DenmarkNames).Distinct(StringComparer.Ordinal).Select(h => (h, h)),
            allowGenitive: true);
    }

    public static EnquiryRecognition Default => s_default.Value;

    /// <summary>Why the mail is not a delegation's enquiry, or null when it reads as one.</summary>
    /// <param name="content">The mail.</param>
    /// <param name="outside">Its messages not written by One-Point Entry (empty when it wrote them all).</param>
    /// <param name="hasVisitDate">Whether a visit date still to come was read.</param>
    /// <param name="hasVisitFacts">Whether a group size or a theme was read.</param>
    public string? WhyNot(MailContent content, IReadOnlyList<MailSegment> outside, bool hasVisitDate, bool hasVisitFacts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(outside);
        if (content.IsAutomated)
        {
            return "The mail is marked as sent automatically (an auto-reply, a bounce or list mail), not written as an enquiry.";
        }

        if (outside.Count == 0)
        {
            return "The mail was written by One-Point Entry itself and holds no enquiry from outside.";
        }

        if (content.Subject is { } subject && _subjects.Scan(subject).Count > 0)
        {
            return "The subject is that of an auto-reply, a bounce, an invitation, an invoice or a newsletter, not of an enquiry.";
        }

        var own = string.Join("\n", outside.Where(s => s.Kind != MessagePart.Quoted).Select(s => s.FullText).DefaultIfEmpty(outside[0].FullText));
        if (_phrases.Scan(own).Count > 0)
        {
            return "The mail reads as machine-made, bulk, spam or phishing mail, not as an enquiry.";
        }

        if (!hasVisitDate && _thanks.Scan(own).Count > 0)
        {
            return "The mail thanks for a visit that has taken place and asks for no new one.";
        }

        var words = own + "\n" + content.Subject;
        if (!hasVisitFacts && _delegation.Scan(words).Count == 0 && _denmark.Scan(words).Count == 0)
        {
            return "The mail never speaks of a delegation, a group, a visit or Denmark, nor of a group's size or what it wants to see.";
        }

        return null;
    }
}
