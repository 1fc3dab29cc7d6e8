using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Azure.Data.Tables;
using OnePointEntry.Extraction;
using OnePointEntry.Text;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// An enquiry's evidence (<see cref="OnePointEntry.Enquiries.Enquiry.Evidence"/>) in one property of its row: a JSON
/// array of short objects, read and shown as a whole and never queried by its parts. Bounded whatever the extractor
/// gives: at most <see cref="MaxEntries"/> entries, each quote at most <see cref="FieldEvidence.MaxQuoteLength"/>
/// characters and the whole at most <see cref="EnquiryTextBounds.Evidence"/> characters. Whatever had to be left out
/// or shortened is named in the row's cut list (<see cref="TableText"/>), so a reader knows the evidence is not whole.
/// </summary>
internal static class EnquiryEvidenceColumn
{
    public const string Property = "Evidence";

    /// <summary>Eleven fields and one per theme: far more than any mail names; the rest is left out.</summary>
    public const int MaxEntries = 40;

    // A contract field's name is a dozen letters; a value is a code, a date, a number or a place's name.
    private const int MaxFieldLength = 40;
    private const int MaxValueLength = 300;

    // Written as text, not escaped: Chinese quotes would otherwise take six characters a letter. The characters
    // HTML and JSON care about are still escaped; what shows the evidence encodes it again for where it goes.
    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Puts <paramref name="evidence"/> into the row (nothing when there is none); names the property as cut when it had to be.</summary>
    public static void Write(TableEntity entity, TableText text, IReadOnlyList<FieldEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return;
        }

        var cut = evidence.Count > MaxEntries;
        var entries = new List<string>(Math.Min(evidence.Count, MaxEntries));
        var length = 2; // the brackets
        foreach (var item in evidence.Take(MaxEntries))
        {
            var stored = Stored.Of(item);
            cut |= stored.Cut;
            var json = JsonSerializer.Serialize(stored, s_json);
            if (length + json.Length + 1 > EnquiryTextBounds.Evidence)
            {
                // Later entries (themes, as the extractor lists them) are left out whole rather than all shortened.
                cut = true;
                break;
            }

            entries.Add(json);
            length += json.Length + 1;
        }

        entity[Property] = "[" + string.Join(',', entries) + "]";
        if (cut)
        {
            text.Cut(Property);
        }
    }

    /// <summary>The evidence in a row; empty for a row written before evidence was kept, or by a form.</summary>
    public static IReadOnlyList<FieldEvidence> Read(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetString(Property) is not { Length: > 0 } json)
        {
            return [];
        }

        var evidence = new List<FieldEvidence>();
        foreach (var item in JsonSerializer.Deserialize<List<Stored>>(json, s_json) ?? [])
        {
            // A part a newer version of the extractor names and this one does not know is left out, not guessed.
            if (item.Field is { Length: > 0 } field && PartOf(item.Part) is { } part)
            {
                evidence.Add(new FieldEvidence(field, item.Value ?? string.Empty, item.Confidence, item.Quote, part));
            }
        }

        return evidence;
    }

    // By name only: Enum.TryParse would also take a number, and any number.
    private static MessagePart? PartOf(string? name) =>
        Enum.GetValues<MessagePart>().Select(part => (MessagePart?)part).FirstOrDefault(part => part.ToString() == name);

    private sealed record Stored(
        [property: JsonPropertyName("f")] string? Field,
        [property: JsonPropertyName("v")] string? Value,
        [property: JsonPropertyName("c")] double Confidence,
        [property: JsonPropertyName("q")] string? Quote,
        [property: JsonPropertyName("p")] string? Part)
    {
        [JsonIgnore]
        public bool Cut { get; private init; }

        public static Stored Of(FieldEvidence evidence)
        {
            var field = DisplayText.Bound(evidence.Field, MaxFieldLength);
            var value = DisplayText.Bound(evidence.Value, MaxValueLength);
            var quote = evidence.Quote is null ? null : DisplayText.Bound(evidence.Quote, FieldEvidence.MaxQuoteLength);
            // JSON has no NaN; a confidence outside 0..1 is taken at its nearest end. Three decimals are all a
            // person or a statistic reads.
            var confidence = double.IsNaN(evidence.Confidence) ? 0 : Math.Round(Math.Clamp(evidence.Confidence, 0, 1), 3);
            return new Stored(field, value, confidence, quote, evidence.Part.ToString())
            {
                Cut = field != evidence.Field || value != evidence.Value || quote != evidence.Quote,
            };
        }
    }
}
