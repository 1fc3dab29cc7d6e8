using System.Text.Json;

namespace LocalFunctionsHost.Settings;

/// <summary>JSON reading options shared by the settings files, which people edit by hand.</summary>
internal static class JsonOptions
{
    public static readonly JsonDocumentOptions Document = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };
}
