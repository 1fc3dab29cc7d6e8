using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>A mail the app sent, through Graph (a reply or sendMail) or through Azure Communication Services Email.</summary>
internal sealed record SentMessage(
    string Kind,
    DateTimeOffset? Sent,
    string? From,
    IReadOnlyList<string> To,
    string? Subject,
    string? Html,
    string? Text,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyDictionary<string, string> InlineImages,
    IReadOnlyList<string> NotImages,
    string? Status,
    int Order)
{
    public static SentMessage FromGraph(JsonObject mail, int order) => new(
        string.Equals(StateJson.String(mail, "kind"), "reply", StringComparison.OrdinalIgnoreCase) ? "Reply" : "sendMail",
        StateJson.Time(mail, "sentDateTime"),
        StateJson.String(mail, "from"),
        StateJson.Strings(mail, "to"),
        StateJson.String(mail, "subject"),
        StateJson.String(mail, "html"),
        StateJson.String(mail, "text"),
        HeadersOf(mail),
        InlineImagesOf(mail),
        NotImagesOf(mail),
        null,
        order);

    public static SentMessage FromAcs(JsonObject mail, int order) => new(
        "ACS",
        StateJson.Time(mail, "receivedAt"),
        StateJson.String(mail, "senderAddress"),
        StateJson.Strings(mail, "to"),
        StateJson.String(mail, "subject"),
        StateJson.String(mail, "html"),
        StateJson.String(mail, "plainText"),
        StateJson.String(mail, "operationId") is { Length: > 0 } operation ? [new("Operation-Id", operation)] : [],
        InlineImagesOf(mail),
        NotImagesOf(mail),
        StateJson.String(mail, "status"),
        order);

    /// <summary>The headers a person checking threading and the outbox wants: In-Reply-To, References, and the X- ones.</summary>
    private static List<KeyValuePair<string, string>> HeadersOf(JsonObject mail)
    {
        var shown = new List<KeyValuePair<string, string>>();
        if (StateJson.Object(mail, "headers") is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                if ((name.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase) || name.Equals("References", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("X-", StringComparison.OrdinalIgnoreCase)) && StateJson.Text(value) is { } text)
                {
                    shown.Add(new(name, text));
                }
            }
        }

        if (StateJson.String(mail, "inReplyToMessageId") is { Length: > 0 } replyTo && !shown.Exists(header => header.Key.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase)))
        {
            shown.Add(new("In reply to message", replyTo));
        }

        return shown;
    }

    /// <summary>Inline parts that cannot be shown as an image (another content type, or content that is not base64), named with their type.</summary>
    private static List<string> NotImagesOf(JsonObject mail) =>
    [
        .. StateJson.Objects(mail, "inlineImages")
            .Where(image => DataImage.Of(StateJson.String(image, "contentType"), StateJson.String(image, "contentBytes")) is null)
            .Select(image => $"{StateJson.String(image, "contentId") ?? "(no content id)"} ({StateJson.String(image, "contentType") ?? "no content type"})"),
    ];

    private static Dictionary<string, string> InlineImagesOf(JsonObject mail)
    {
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in StateJson.Objects(mail, "inlineImages"))
        {
            if (StateJson.String(image, "contentId") is { Length: > 0 } contentId
                && DataImage.Of(StateJson.String(image, "contentType"), StateJson.String(image, "contentBytes")) is { } data)
            {
                images.TryAdd(MailBodySanitizer.Normalise(contentId), data);
            }
        }

        return images;
    }
}
