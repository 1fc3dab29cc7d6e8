using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// Reads a JSON request body strictly and without surprises: UTF-8 only (a leading byte-order mark, which
/// people's tools write, is skipped), at most <see cref="MaxDepth"/> levels, no property twice. Anything else
/// is a 400 problem, never an exception.
/// </summary>
public static class JsonBodies
{
    /// <summary>No body the app reads nests deeper than a few levels; deeper is an attack on the parser.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>The parsed document (dispose it), or the problem to answer.</summary>
    public static (JsonDocument? Document, JsonResponse? Problem) Parse(ReadOnlyMemory<byte> body)
    {
        var utf8 = WithoutByteOrderMark(body);
        if (!Utf8.IsValid(utf8.Span))
        {
            return (null, Problems.MalformedBody("The body is not valid UTF-8."));
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, Problems.MalformedBody("The body is empty: send a JSON object."));
        }

        try
        {
            return (JsonDocument.Parse(utf8, s_options), null);
        }
        catch (JsonException exception)
        {
            // The position helps the sender find the fault; the parser's own message could repeat their text.
            return (null, Problems.MalformedBody(
                $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): it must be one JSON object, " +
                $"with no property twice, nested at most {MaxDepth} levels, and nothing after it."));
        }
    }

    /// <summary>
    /// A request's body as one JSON object (its root, which outlives the document), or the problem to answer: a
    /// media type not among <paramref name="mediaTypes"/> (415, naming <paramref name="accepted"/>), more than
    /// <paramref name="maxBytes"/> (413, refused by its Content-Length before reading where it gives one), a body
    /// <see cref="Parse"/> refuses, or JSON that is not an object (400 with <paramref name="notAnObject"/>).
    /// </summary>
    public static async Task<(JsonElement? Root, JsonResponse? Problem)> ReadObjectAsync(
        HttpRequest request,
        IReadOnlyList<string> mediaTypes,
        string accepted,
        int maxBytes,
        string notAnObject,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mediaTypes);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaTypes.Any(type => mediaType.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType, accepted));
        }

        var body = request.ContentLength > maxBytes ? null : await HttpBodies.ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problems.BodyTooLarge(maxBytes));
        }

        var (document, problem) = Parse(body);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, Problems.MalformedBody(notAnObject));
        }
    }

    /// <summary>
    /// The text of a JSON string; false when it cannot be text: an escape that leaves half of a surrogate pair
    /// (<c>"\ud800"</c>), which JSON's grammar allows and Unicode does not.
    /// </summary>
    public static bool TryGetString(JsonElement element, out string? text)
    {
        try
        {
            text = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    /// <summary>The body without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;
}
