using System.Text.Encodings.Web;
using System.Text.Json;

namespace Microsoft365StandIn.Hosting;

/// <summary>JSON as the services write it: UTF-8 text as is (Graph does not escape <c>'</c>, <c>&lt;</c> or non-ASCII letters).</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
