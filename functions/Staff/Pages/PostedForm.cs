using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// Reads a workspace form post (<c>application/x-www-form-urlencoded</c>, UTF-8, bounded): the fields by name, or
/// null for anything else, which the page answers as a form it could not read.
/// </summary>
public static class PostedForm
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int MaxFields = 200;
    private const int MaxFieldNameLength = 100;

    public static async Task<IReadOnlyDictionary<string, StringValues>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0 && string.IsNullOrEmpty(request.ContentType))
        {
            // A form whose only field is an unticked box sends nothing, and a proxy may then drop its type.
            return new Dictionary<string, StringValues>(StringComparer.Ordinal);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            || request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var body = await HttpBodies.ReadLimitedAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null || !System.Text.Unicode.Utf8.IsValid(body))
        {
            return null;
        }

        try
        {
            var reader = new FormReader(Encoding.UTF8.GetString(body)) { ValueCountLimit = MaxFields, KeyLengthLimit = MaxFieldNameLength, ValueLengthLimit = MaxBodyBytes };
            return reader.ReadForm();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The field's one value, trimmed; empty when it is missing.</summary>
    public static string One(IReadOnlyDictionary<string, StringValues> form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryGetValue(name, out var values) ? (values.FirstOrDefault() ?? string.Empty).Trim() : string.Empty;
    }
}
