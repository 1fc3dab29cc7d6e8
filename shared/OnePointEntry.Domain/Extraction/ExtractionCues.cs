namespace OnePointEntry.Extraction;

/// <summary>The words the extractor reads, from <c>Data/extraction-cues.json</c>: extend the file, not the code.</summary>
internal sealed record ExtractionCues
{
    private static readonly Lazy<ExtractionCues> s_default = new(() => ReferenceData.Read<ExtractionCues>("extraction-cues.json"));

    public static ExtractionCues Default => s_default.Value;

    public Dictionary<string, Dictionary<string, int>> NumberWords { get; init; } = [];

    public Dictionary<string, string> NumberJoiners { get; init; } = [];

    public Dictionary<string, List<string>> PersonNouns { get; init; } = [];

    public List<string> PersonAdjectives { get; init; } = [];

    public List<string> TotalCues { get; init; } = [];

    public List<string> RangeCues { get; init; } = [];

    public List<string> VagueCounts { get; init; } = [];

    public List<string> ApproximateBefore { get; init; } = [];

    public List<string> ApproximateAfter { get; init; } = [];

    public Dictionary<string, int> ChineseNumerals { get; init; } = [];

    public List<string> ChinesePersonUnits { get; init; } = [];

    public List<string> ChineseNotPersonAfter { get; init; } = [];

    /// <summary>Phrases before a bare number that say it is the whole group ("we will be 14").</summary>
    public List<string> SizeLeads { get; init; } = [];

    /// <summary>Chinese phrases before a bare count that say it is the whole group (一行共14).</summary>
    public List<string> ChineseSizeLeads { get; init; } = [];

    public Dictionary<string, int> Months { get; init; } = [];

    /// <summary>Weekday names (with Chinese, Japanese and Korean bracketed forms): read as blanks around dates.</summary>
    public List<string> Weekdays { get; init; } = [];

    public List<string> ForwardMarkers { get; init; } = [];

    /// <summary>Words of a confidentiality notice (a disclaimer) at the end of a message.</summary>
    public List<string> DisclaimerMarkers { get; init; } = [];

    /// <summary>Of the <see cref="ForwardMarkers"/>, those that pass an original on rather than quote a reply's history.</summary>
    public List<string> ForwardingMarkers { get; init; } = [];

    /// <summary>Subject prefixes of a forward (lower case): the earlier messages under them are originals passed on.</summary>
    public List<string> ForwardSubjectPrefixes { get; init; } = [];

    public Dictionary<string, List<string>> HeaderFields { get; init; } = [];

    public List<string> Closings { get; init; } = [];

    public List<string> ContactLines { get; init; } = [];

    public Dictionary<string, List<string>> Stopwords { get; init; } = [];

    public List<string> DelegationCues { get; init; } = [];

    /// <summary>Subject words of mail that is not an enquiry (auto-replies, bounces, invitations, invoices, newsletters).</summary>
    public List<string> NotEnquirySubjects { get; init; } = [];

    /// <summary>Phrases of machine-made, bulk, spam and phishing mail.</summary>
    public List<string> NotEnquiryPhrases { get; init; } = [];

    /// <summary>Words of coming on a visit besides <see cref="DelegationCues"/>: a mail with none of either is not an enquiry.</summary>
    public List<string> VisitWords { get; init; } = [];

    /// <summary>Thanks for a visit that has happened.</summary>
    public List<string> ThanksAfterVisit { get; init; } = [];

    public List<string> ArrivalCues { get; init; } = [];

    public List<string> DepartureCues { get; init; } = [];

    public List<string> HostPlaces { get; init; } = [];

    /// <summary>Words of a go-between's signature (travel agency, organiser, embassy): its places are its office's.</summary>
    public List<string> Intermediaries { get; init; } = [];

    public List<string> JourneyOrigins { get; init; } = [];

    public List<string> JourneyDestinations { get; init; } = [];

    /// <summary>Denmark and Copenhagen in scripts and languages the place data does not hold: an itinerary's Danish leg.</summary>
    public List<string> DenmarkNames { get; init; } = [];

    public List<string> AwayCues { get; init; } = [];

    public List<string> HomeCues { get; init; } = [];

    public List<string> NotPlaces { get; init; } = [];

    public Dictionary<string, List<string>> Demonyms { get; init; } = [];
}
