namespace OnePointEntry.Enquiries.Fields;

/// <summary>What a field of an enquiry holds, which decides how a value is read, checked, stored and shown.</summary>
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

    /// <summary>Text over several lines, bounded: the sender's own words about the visit.</summary>
    Message,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A phone number: digits, spaces, a leading + and ( ) - . /.</summary>
    Phone,

    /// <summary>A field people never see and bots fill in: looked at, never checked or kept.</summary>
    Honeypot,
}
