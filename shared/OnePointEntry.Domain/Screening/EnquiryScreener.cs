using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Screening;

/// <summary>
/// What can be read from an enquiry without asking anyone: its country as an ISO code, its region from
/// the city, and the themes it is about. Pure: the same enquiry always gives the same facts.
/// </summary>
public sealed class EnquiryScreener(CountryDirectory countries, CityGazetteer cities, ThemeTaxonomy themes, SectorClassifier sectors)
{
    public ScreenedFacts Screen(Enquiry enquiry, DateTimeOffset screenedAt)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        var submission = enquiry.Submission;
        var countryCode = countries.Find(submission.Country)?.Code;
        var city = cities.Find(submission.City, countryCode);
        // A form's purpose is the delegation's own words about what it wants. A mail's text also holds
        // signatures, forwarding notes and quoted replies, which extraction already read past.
        var foundInText = enquiry.Source == EnquirySource.WebForm ? themes.Classify(submission.Purpose) : [];
        var sector = submission.Sector is null ? sectors.Classify(submission.Organisation, submission.Purpose) : new SectorAssessment(submission.Sector, submission.Level);
        return new ScreenedFacts
        {
            CountryCode = countryCode,
            City = city?.Name ?? submission.City,
            Region = city?.Region ?? submission.Region,
            Sector = sector?.Sector,
            Level = sector?.Level,
            Themes = submission.Themes
                .Concat(foundInText)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList(),
            ScreenedAt = screenedAt,
        };
    }
}
