using System.Globalization;

namespace OnePointEntry.Functions.Form;

/// <summary>Every label and message of the web form in one language, read from <c>Texts/{language}.json</c>.</summary>
public sealed class FormText(string language, IReadOnlyDictionary<string, string> texts)
{
    public string Language { get; } = language;

    public IReadOnlyDictionary<string, string> All { get; } = texts;

    /// <summary>The text of <paramref name="key"/>; a missing key is a bug the completeness test catches, so it throws.</summary>
    public string this[string key] =>
        All.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"The {Language} form texts have no '{key}'.");

    /// <summary>The text of <paramref name="key"/> with its <c>{name}</c> placeholders filled in.</summary>
    public string Format(string key, params (string Name, int Value)[] values)
    {
        var text = this[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
