using System.Collections.Frozen;
using System.Text.Json;

namespace OnePointEntry.Functions.Form;

/// <summary>The form's texts in every <see cref="FormLanguage"/>, embedded in the app as one JSON file per language.</summary>
public static class FormTexts
{
    private static readonly Lazy<FrozenDictionary<string, FormText>> s_all = new(() =>
        FormLanguage.All.ToFrozenDictionary(language => language, Load, StringComparer.Ordinal));

    public static FormText For(string language) =>
        s_all.Value.TryGetValue(language, out var text) ? text : s_all.Value[FormLanguage.English];

    private static FormText Load(string language)
    {
        var name = $"OnePointEntry.Functions.Form.Texts.{language}.json";
        using var stream = typeof(FormTexts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The form texts '{name}' are not embedded in the app.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The form texts '{name}' are empty.");
        return new FormText(language, texts.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
