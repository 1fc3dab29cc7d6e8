using System.Globalization;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Graph;

/// <summary>A Graph answer before it is written: a JSON body, raw bytes, or nothing; plus headers.</summary>
internal sealed class GraphResponse
{
    public const string ODataJson = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private GraphResponse(int status) => Status = status;

    public int Status { get; }

    public JsonNode? Json { get; private init; }

    public byte[]? Bytes { get; private init; }

    public string? ContentType { get; private init; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsError => Status >= 400;

    public static GraphResponse WithJson(int status, JsonNode body) => new(status) { Json = body, ContentType = ODataJson };

    public static GraphResponse WithBytes(int status, string contentType, byte[] body) => new(status) { Bytes = body, ContentType = contentType };

    public static GraphResponse Empty(int status) => new(status);

    /// <summary>Graph's ODataError; the writer fills in the request ids of <c>innerError</c>.</summary>
    public static GraphResponse Error(int status, string code, string message) => WithJson(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject(),
        },
    });

    public static GraphResponse NotFound(string code = "ErrorItemNotFound", string message = "The specified object was not found in the store.") => Error(404, code, message);

    public GraphResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public GraphResponse WithRetryAfter(TimeSpan? retryAfter) =>
        retryAfter is { } value ? WithHeader("Retry-After", ((int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture)) : this;
}
