using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;

namespace OnePointEntry.Tool.Corpus;

/// <summary>
/// An enquiry's facts as staff left them, written as the corpus's <c>.expected.json</c> (the extraction contract in
/// the corpus README): exactly its fields, in its order, null where not known, a level only for a public delegation.
/// </summary>
internal static class CorpusLabel
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        var facts = EnquiryFacts.Of(enquiry);
        var label = new Dictionary<string, object?>
        {
            ["language"] = facts.Language,
            ["country"] = facts.CountryCode,
            ["region"] = facts.Region,
            ["city"] = facts.City,
            ["sector"] = facts.Sector,
            ["level"] = facts.Sector == "public" ? facts.Level : null,
            ["delegationSize"] = facts.DelegationSize,
            ["arrivalDate"] = facts.ArrivalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["departureDate"] = facts.DepartureDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["themes"] = facts.Themes.Order(StringComparer.Ordinal).ToArray(),
            ["referredBy"] = facts.ReferredBy,
        };
        return JsonSerializer.Serialize(label, s_json) + "\n";
    }
}
