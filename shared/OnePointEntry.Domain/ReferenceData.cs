using System.Text.Json;

namespace OnePointEntry;

/// <summary>
/// Reads the knowledge the team keeps as data (countries, cities, theme keywords) from the JSON files in
/// <c>Data/</c>, embedded in this assembly so the app and the tools always agree on one version.
/// </summary>
internal static class ReferenceData
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T Read<T>(string fileName)
    {
        var name = "OnePointEntry.Data." + fileName;
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The reference data file '{fileName}' is not embedded in {typeof(ReferenceData).Assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<T>(stream, s_options)
            ?? throw new InvalidOperationException($"The reference data file '{fileName}' is empty.");
    }
}
