using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// Reads an enquiry form from a request body: JSON (what scripts and partners send) or form-urlencoded
/// (what a plain HTML form posts), with the same field names. Enforces the body limit while reading, so a
/// large body is never buffered whole.
/// </summary>
public static class EnquiryFormReader
{
    public const int MaxBodyBytes = 65_536;

    private const int MaxFieldNameLength = 100;

    public static async Task<(EnquiryForm? Form, JsonResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        var isForm = mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !isForm)
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.BodyTooLarge(MaxBodyBytes));
        }

        var body = await HttpBodies.ReadLimitedAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problems.BodyTooLarge(MaxBodyBytes));
        }

        if (isJson)
        {
            return ReadJson(body);
        }

        var utf8 = JsonBodies.WithoutByteOrderMark(body);
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return (null, Problems.MalformedBody("The body is not valid UTF-8."));
        }

        try
        {
            return (ReadUrlEncoded(Encoding.UTF8.GetString(utf8.Span)), null);
        }
        catch (InvalidDataException)
        {
            return (null, Problems.MalformedBody($"The form has too many fields or a field name longer than {MaxFieldNameLength} characters."));
        }
    }

    private static EnquiryForm ReadUrlEncoded(string body)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reader = new FormReader(body) { ValueCountLimit = 200, KeyLengthLimit = MaxFieldNameLength, ValueLengthLimit = MaxBodyBytes };
        foreach (var (key, values) in reader.ReadForm())
        {
            fields[key] = [.. values.Where(value => value is not null).Select(value => value!)];
        }

        string? One(string name) => fields.TryGetValue(name, out var values) ? string.Join(' ', values.Where(v => v.Length > 0)) : null;
        return new EnquiryForm
        {
            Organisation = One(EnquiryFormFields.Organisation),
            Country = One(EnquiryFormFields.Country),
            City = One(EnquiryFormFields.City),
            ContactName = One(EnquiryFormFields.ContactName),
            ContactEmail = One(EnquiryFormFields.ContactEmail),
            Phone = One(EnquiryFormFields.Phone),
            DelegationSize = One(EnquiryFormFields.DelegationSize),
            ArrivalDate = One(EnquiryFormFields.ArrivalDate),
            DepartureDate = One(EnquiryFormFields.DepartureDate),
            Purpose = One(EnquiryFormFields.Purpose),
            // A form sends checkboxes as repeated fields; a hand-written post may send one comma-separated value.
            Themes = fields.TryGetValue(EnquiryFormFields.Themes, out var themes) ? SplitThemes(themes) : [],
            ReferredBy = One(EnquiryFormFields.ReferredBy),
            Language = One(EnquiryFormFields.Language),
            Website = One(EnquiryFormFields.Website),
        };
    }

    private static (EnquiryForm? Form, JsonResponse? Problem) ReadJson(ReadOnlyMemory<byte> body)
    {
        var (document, problem) = JsonBodies.Parse(body);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.MalformedBody("The body must be a JSON object with the enquiry's fields."));
            }

            var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
            var root = document.RootElement;
            string? Text(string name)
            {
                if (!root.TryGetProperty(name, out var value))
                {
                    return null;
                }

                switch (value.ValueKind)
                {
                    case JsonValueKind.String when JsonBodies.TryGetString(value, out var text):
                        return text;
                    case JsonValueKind.String:
                        unreadable[name] = $"{name} is not valid Unicode text (it holds half of a surrogate pair).";
                        return null;
                    case JsonValueKind.Number:
                        return value.GetRawText();
                    case JsonValueKind.Null:
                        return null;
                    default:
                        unreadable[name] = $"{name} must be text, not {value.ValueKind.ToString().ToLowerInvariant()}.";
                        return null;
                }
            }

            IReadOnlyList<string> Themes()
            {
                if (!root.TryGetProperty(EnquiryFormFields.Themes, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return [];
                }

                if (value.ValueKind == JsonValueKind.String && JsonBodies.TryGetString(value, out var one))
                {
                    return SplitThemes([one!]);
                }

                if (value.ValueKind == JsonValueKind.Array)
                {
                    var ids = new List<string>();
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String || !JsonBodies.TryGetString(item, out var id))
                        {
                            unreadable[EnquiryFormFields.Themes] = "themes must be a list of theme ids.";
                            return [];
                        }

                        ids.Add(id!);
                    }

                    return SplitThemes(ids);
                }

                unreadable[EnquiryFormFields.Themes] = "themes must be a list of theme ids.";
                return [];
            }

            var form = new EnquiryForm
            {
                Organisation = Text(EnquiryFormFields.Organisation),
                Country = Text(EnquiryFormFields.Country),
                City = Text(EnquiryFormFields.City),
                ContactName = Text(EnquiryFormFields.ContactName),
                ContactEmail = Text(EnquiryFormFields.ContactEmail),
                Phone = Text(EnquiryFormFields.Phone),
                DelegationSize = Text(EnquiryFormFields.DelegationSize),
                ArrivalDate = Text(EnquiryFormFields.ArrivalDate),
                DepartureDate = Text(EnquiryFormFields.DepartureDate),
                Purpose = Text(EnquiryFormFields.Purpose),
                Themes = Themes(),
                ReferredBy = Text(EnquiryFormFields.ReferredBy),
                Language = Text(EnquiryFormFields.Language),
                Website = Text(EnquiryFormFields.Website),
            };
            return (form with { Unreadable = unreadable }, null);
        }
    }

    private static List<string> SplitThemes(IEnumerable<string> values) =>
        [.. values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
