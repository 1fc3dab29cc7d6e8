namespace OnePointEntry.Enquiries.Fields;

/// <summary>What a field of an enquiry holds, which decides how a value is read, checked and shown.</summary>
public enum EnquiryFieldKind
{
    /// <summary>One line of text, bounded (an organisation, a city).</summary>
    Text,

    /// <summary>A country: ISO 3166-1 alpha-2, given as the code or a name in English, Danish or Chinese.</summary>
    Country,

    /// <summary>One of a closed list of values (sector, level).</summary>
    Choice,

    /// <summary>A day, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A number of people.</summary>
    Size,

    /// <summary>Ids of the theme taxonomy.</summary>
    Themes,

    /// <summary>An ISO 639-1 language code.</summary>
    Language,
}
