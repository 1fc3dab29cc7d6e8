using System.Globalization;
using System.Text.Json.Nodes;

namespace OnePointEntry.Extraction;

/// <summary>
/// The extraction contract's JSON form: exactly its camelCase fields, nulls included, themes sorted, as
/// <c>ope extract</c> prints it and as the labelled <c>.expected.json</c> files are written.
/// </summary>
public static class ExtractionContract
{
    /// <summary>The single-valued fields, scored by accuracy; <c>themes</c> is scored by precision and recall.</summary>
    public static IReadOnlyList<string> ScalarFields { get; } =
        ["language", "country", "region", "city", "sector", "level", "delegationSize", "arrivalDate", "departureDate", "referredBy"];

    public static JsonObject ToJson(ExtractedEnquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return new JsonObject
        {
            ["language"] = enquiry.Language,
            ["country"] = enquiry.Country,
            ["region"] = enquiry.Region,
            ["city"] = enquiry.City,
            ["sector"] = enquiry.Sector,
            ["level"] = enquiry.Level,
            ["delegationSize"] = enquiry.DelegationSize,
            ["arrivalDate"] = enquiry.ArrivalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["departureDate"] = enquiry.DepartureDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["themes"] = new JsonArray(enquiry.Themes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(theme => (JsonNode?)JsonValue.Create(theme)).ToArray()),
            ["referredBy"] = enquiry.ReferredBy,
        };
    }
}
