using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Retention;

/// <summary>How long enquiries keep their personal data (section <c>Retention</c>).</summary>
public sealed class RetentionSettings
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Months after the month received that an enquiry keeps its contact data and message text
    /// (<c>Retention__Months</c>); the statistics keep counting it afterwards.
    /// </summary>
    [Range(1, 600, ErrorMessage = "Retention__Months must be a whole number of months from 1 to 600.")]
    public int Months { get; set; } = 24;

    /// <summary>At most this many enquiries are anonymised per daily run (<c>Retention__MaxPerRun</c>); the rest follow the next days.</summary>
    [Range(1, 100_000, ErrorMessage = "Retention__MaxPerRun must be a whole number from 1 to 100000.")]
    public int MaxPerRun { get; set; } = 1000;
}
