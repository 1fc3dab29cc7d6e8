using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// Reads an enquiry form from a request body: JSON (what scripts and partners send) or form-urlencoded
/// (what a plain HTML form posts), with the same field names: those of <see cref="EnquiryFields.OnForm"/>, each
/// read as text, or as a list for themes. Enforces the body limit while reading, so a large body is never
/// buffered whole.
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

        var form = new EnquiryForm();
        foreach (var field in EnquiryFields.OnForm)
        {
            if (fields.TryGetValue(field.Name, out var values))
            {
                // A form sends checkboxes as repeated fields, each an item of the list; a repeated text field is joined.
                var value = field.Kind == EnquiryFieldKind.Themes
                    ? string.Join(CanonicalText.ListSeparator, values)
                    : string.Join(' ', values.Where(v => v.Length > 0));
                form = field.Form!.Set(form, value);
            }
        }

        return form;
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
            var form = new EnquiryForm();
            foreach (var field in EnquiryFields.OnForm)
            {
                if (document.RootElement.TryGetProperty(field.Name, out var value))
                {
                    var text = field.Kind == EnquiryFieldKind.Themes ? JsonList(field.Name, value, unreadable) : JsonText(field.Name, value, unreadable);
                    form = field.Form!.Set(form, text);
                }
            }

            return (form with { Unreadable = unreadable }, null);
        }
    }

    private static string? JsonText(string name, JsonElement value, Dictionary<string, string> unreadable)
    {
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

    // A list comes as an array of text, or as one text of comma-separated items.
    private static string? JsonList(string name, JsonElement value, Dictionary<string, string> unreadable)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && JsonBodies.TryGetString(value, out var one))
        {
            return one;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var items = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !JsonBodies.TryGetString(item, out var text))
                {
                    unreadable[name] = $"{name} must be a list of theme ids.";
                    return null;
                }

                items.Add(text!);
            }

            return string.Join(CanonicalText.ListSeparator, items);
        }

        unreadable[name] = $"{name} must be a list of theme ids.";
        return null;
    }
}
