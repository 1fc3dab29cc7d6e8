using System.Collections.Frozen;
using System.Text.Json;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>The workspace's texts in every <see cref="WorkspaceLanguage"/>, embedded in the app as one JSON file per language.</summary>
public static class WorkspaceTexts
{
    private static readonly Lazy<FrozenDictionary<string, WorkspaceText>> s_all = new(() =>
        WorkspaceLanguage.All.ToFrozenDictionary(language => language, Load, StringComparer.Ordinal));

    public static WorkspaceText For(string language) =>
        s_all.Value.TryGetValue(language, out var text) ? text : s_all.Value[WorkspaceLanguage.English];

    private static WorkspaceText Load(string language)
    {
        var name = $"OnePointEntry.Functions.Staff.Pages.Texts.{language}.json";
        using var stream = typeof(WorkspaceTexts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The workspace texts '{name}' are not embedded in the app.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The workspace texts '{name}' are empty.");
        return new WorkspaceText(language, texts.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
