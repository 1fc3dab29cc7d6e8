using System.Text.Json;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>The documented answer to a hostile input.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Field">For a 400 about fields: the field named under <c>errors</c>.</param>
/// <param name="Stored">For a 202: what must hold of the stored enquiry, read back.</param>
/// <param name="Page">For an HTML answer: what must hold of the page.</param>
public sealed record Expected(int Status, string? Field = null, Func<StoredEnquiry, Task>? Stored = null, Action<string>? Page = null)
{
    /// <summary>An HTML page with <paramref name="status"/>, and <paramref name="check"/> true of it.</summary>
    public static Expected HtmlPage(int status, Action<string> check) => new(status, Page: check);

    /// <summary>A 400 problem that names no field (e.g. not a reference).</summary>
    public static Expected BadRequest { get; } = new(400);

    /// <summary>A 400 problem naming <paramref name="field"/>.</summary>
    public static Expected Refused(string field) => new(400, field);

    /// <summary>A 400 problem about the body as a whole (not JSON, not UTF-8, too many fields).</summary>
    public static Expected Malformed { get; } = new(400);

    public static Expected TooLarge { get; } = new(413);

    public static Expected Unsupported { get; } = new(415);

    public static Expected NotFound { get; } = new(404);

    /// <summary>A plain answer with no body to check (Graph notifications: 202 with nothing).</summary>
    public static Expected Status202WithoutEnquiry { get; } = new(202);

    /// <summary>A 202 with a reference, the enquiry stored, and <paramref name="check"/> true of it.</summary>
    public static Expected Accepted(Action<StoredEnquiry>? check = null) => new(202, Stored: enquiry =>
    {
        check?.Invoke(enquiry);
        return Task.CompletedTask;
    });

    /// <summary>A 202 with a reference, the enquiry stored, and the asynchronous <paramref name="check"/> true of it.</summary>
    public static Expected AcceptedThen(Func<StoredEnquiry, Task> check) => new(202, Stored: check);

    /// <summary>The status view's text property, or null.</summary>
    public static string? Text(JsonElement view, string name) =>
        view.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
