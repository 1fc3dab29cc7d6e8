using OnePointEntry.Enquiries;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Screening;

/// <summary>
/// What can be read from an enquiry without asking anyone: its country as an ISO code, its region from
/// the city, and the themes it is about. Pure: the same enquiry always gives the same facts.
/// </summary>
public sealed class EnquiryScreener(CountryDirectory countries, CityGazetteer cities, ThemeTaxonomy themes)
{
    public ScreenedFacts Screen(EnquirySubmission submission, DateTimeOffset screenedAt)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var countryCode = countries.Find(submission.Country)?.Code;
        var city = cities.Find(submission.City, countryCode);
        return new ScreenedFacts
        {
            CountryCode = countryCode,
            City = city?.Name ?? submission.City,
            Region = city?.Region,
            Themes = submission.Themes
                .Concat(themes.Classify(submission.Purpose))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList(),
            ScreenedAt = screenedAt,
        };
    }
}
