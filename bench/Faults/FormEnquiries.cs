using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Enquiry forms as delegations fill them in: organisations, people, countries, themes and purposes combined so
/// that no two submissions of a run are alike (the app merges identical submissions within 24 hours), each with an
/// Idempotency-Key of its own, as a careful client sends it, so that a retry after a refusal is recognised.
/// </summary>
internal static class FormEnquiries
{
    private static readonly (string City, string Country, string Language)[] s_places =
    [
        ("Shenzhen", "CN", "zh"), ("Hangzhou", "CN", "zh"), ("Chengdu", "CN", "zh"), ("Qingdao", "CN", "zh"),
        ("Dalian", "CN", "zh"), ("Suzhou", "CN", "zh"), ("Hamburg", "DE", "de"), ("Leipzig", "DE", "de"),
        ("Munich", "DE", "de"), ("Osaka", "JP", "en"), ("Yokohama", "JP", "en"), ("Busan", "KR", "en"),
        ("Changwon", "KR", "en"), ("Boston", "US", "en"), ("Seattle", "US", "en"), ("Bengaluru", "IN", "en"),
        ("Pune", "IN", "en"), ("Porto Alegre", "BR", "en"), ("Curitiba", "BR", "en"), ("Melbourne", "AU", "en"),
        ("Vancouver", "CA", "en"), ("Rotterdam", "NL", "en"), ("Gothenburg", "SE", "en"), ("Tampere", "FI", "en"),
    ];

    private static readonly string[] s_bodies =
    [
        "Municipal Development Bureau", "Chamber of Commerce", "University Hospital", "Port Authority",
        "Institute of Technology", "Department of Housing and Planning", "Water Supply Company",
        "Energy Agency", "Agricultural Cooperative", "Science Park", "Trade Promotion Office", "Tourism Board",
    ];

    private static readonly (string Theme, string Purpose)[] s_purposes =
    [
        ("sustainable-urban-development", "Our delegation would like to visit Nordhavn and learn how Copenhagen plans new urban districts with public space and affordable housing."),
        ("infrastructure-mobility", "The delegation wishes to study cycling infrastructure, the metro and how traffic planning supports public transport in the capital region."),
        ("life-science-medtech", "We plan a study visit on life science and medical technology clusters and would like meetings with hospitals and medtech companies."),
        ("energy-climate", "The visit concerns district heating, offshore wind and the green transition; we hope to meet utilities and climate planners."),
        ("water-environment", "Our delegation is interested in wastewater treatment, climate adaptation and cloudburst management and would like a site visit."),
        ("food-agriculture", "We would like to visit food producers and learn about organic agriculture, food safety and cooperative dairy farming."),
        ("digital-tech", "The delegation studies digital public services and would like meetings on e-government, digital identity and data platforms."),
        ("education-research", "We are organising a study trip on vocational education and university research collaboration and ask for meetings with schools."),
        ("welfare-eldercare", "Our delegation would like to learn about elderly care, welfare technology and rehabilitation, with a visit to a care centre."),
        ("maritime-logistics", "The visit is about port operations, green shipping and maritime logistics; we would like to meet the port and shipping companies."),
        ("investment-trade", "We are planning a business delegation on trade and investment and would like to meet companies and the investment agency."),
        ("public-governance", "The delegation of civil servants wishes to study public governance, citizen participation and municipal administration."),
    ];

    private static readonly string[] s_givenNames = ["Wei", "Li", "Anna", "Jonas", "Yuki", "Min-jun", "Priya", "Lucas", "Emma", "Hiroshi", "Sofia", "Arjun", "Mei", "Felix", "Ji-woo", "Laura"];

    private static readonly string[] s_familyNames = ["Zhang", "Wang", "Schmidt", "Tanaka", "Kim", "Sharma", "Silva", "Müller", "Chen", "Sato", "Park", "Nguyen", "Becker", "Liu", "Costa", "Ito"];

    /// <param name="count">How many forms.</param>
    /// <param name="run">The run's number, so that two runs never send the same forms.</param>
    public static IReadOnlyList<Submission> Make(int count, int run)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var forms = new List<Submission>(count);
        for (var number = 1; number <= count; number++)
        {
            var place = s_places[number % s_places.Length];
            var body = s_bodies[number / s_places.Length % s_bodies.Length];
            var (theme, purpose) = s_purposes[(number * 7) % s_purposes.Length];
            var given = s_givenNames[number % s_givenNames.Length];
            var family = s_familyNames[(number / s_givenNames.Length) % s_familyNames.Length];
            // The organisation and the address carry the submission's number: what makes each one distinct.
            var organisation = string.Create(CultureInfo.InvariantCulture, $"{place.City} {body} (group {run}-{number:0000})");
            var email = string.Create(CultureInfo.InvariantCulture, $"{Ascii(given)}.{Ascii(family)}.{run}{number:0000}@{Ascii(place.City)}-delegation.example");
            var arrival = today.AddDays(45 + (number % 120));
            var size = 6 + (number % 25);
            var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["organisation"] = organisation,
                ["country"] = place.Country,
                ["city"] = place.City,
                ["contactName"] = $"{given} {family}",
                ["contactEmail"] = email,
                ["delegationSize"] = size.ToString(CultureInfo.InvariantCulture),
                ["arrivalDate"] = arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["departureDate"] = arrival.AddDays(2 + (number % 4)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["purpose"] = string.Create(CultureInfo.InvariantCulture, $"{purpose} We are {size} people from {place.City} and can adapt the programme to your suggestions."),
                ["themes"] = new[] { theme },
                ["language"] = place.Language,
            });
            forms.Add(new Submission(number, SubmissionKind.Form, FormKey(organisation, email), json, Guid.NewGuid().ToString()));
        }

        return forms;
    }

    /// <summary>What identifies a form's stored enquiry: its organisation and contact address.</summary>
    public static string FormKey(string organisation, string contactEmail) => organisation + "|" + contactEmail.ToUpperInvariant();

    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is ' ' or '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }
}
