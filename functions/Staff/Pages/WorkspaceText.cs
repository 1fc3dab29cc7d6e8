using System.Globalization;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>Every label and message of the workspace's pages in one language, read from <c>Texts/{language}.json</c>.</summary>
public sealed class WorkspaceText(string language, IReadOnlyDictionary<string, string> texts)
{
    public string Language { get; } = language;

    public IReadOnlyDictionary<string, string> All { get; } = texts;

    /// <summary>The text of <paramref name="key"/>; a missing key is a bug the completeness test catches, so it throws.</summary>
    public string this[string key] =>
        All.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"The {Language} workspace texts have no '{key}'.");

    /// <summary>The text of <paramref name="key"/> when there is one (e.g. a label per enum member), else <paramref name="fallback"/>.</summary>
    public string Or(string key, string fallback) => All.TryGetValue(key, out var text) ? text : fallback;

    /// <summary>The text of <paramref name="key"/> with its <c>{name}</c> placeholders filled in.</summary>
    public string Format(string key, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = this[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
