// replaced by the page branch
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>The stand-in's page (<c>GET /standin</c>), drawn from the state document.</summary>
public static class StandInPage
{
    public static string Render(JsonObject state, string nonce)
    {
        ArgumentNullException.ThrowIfNull(state);
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Microsoft 365 stand-in</title><style nonce=\"{nonce}\">body{{font-family:sans-serif}}</style></head><body><h1>Microsoft 365 stand-in</h1><p>{System.Net.WebUtility.HtmlEncode(state["mailbox"]?.ToString())}</p></body></html>";
    }
}
