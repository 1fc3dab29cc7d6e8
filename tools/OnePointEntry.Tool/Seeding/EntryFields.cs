using System.Text.Json;
using OnePointEntry.Directories;

namespace OnePointEntry.Tool.Seeding;

/// <summary>
/// Reads the fields of one entry object, recording a problem (by field path) for each value of the wrong
/// JSON type and for each field it does not know, so one bad value never hides the others.
/// </summary>
internal sealed class EntryFields
{
    private readonly JsonElement _element;
    private readonly string _prefix;
    private readonly List<DirectoryProblem> _problems;
    private readonly HashSet<string> _badFields;

    public EntryFields(JsonElement element, IReadOnlyCollection<string> knownFields, List<DirectoryProblem> problems, HashSet<string> badFields, string prefix = "")
    {
        _element = element;
        _prefix = prefix;
        _problems = problems;
        _badFields = badFields;
        foreach (var property in element.EnumerateObject())
        {
            if (!knownFields.Contains(property.Name))
            {
                Fail(property.Name, $"unknown field '{Path(property.Name)}' (the fields are {string.Join(", ", knownFields.Select(Path))})");
            }
        }
    }

    /// <summary>The text, or empty when absent or null (the domain's rules say whether it is required).</summary>
    public string Text(string name) => OptionalText(name) ?? string.Empty;

    public string? OptionalText(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Fail(name, $"{Path(name)} should be text in quotes, not {Describe(value)}");
        return null;
    }

    public IReadOnlyList<string> TextList(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(name, $"{Path(name)} should be a list of text ([\"...\", \"...\"]), not {Describe(value)}");
            return [];
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Fail($"{name}[{index}]", $"{Path(name)} should hold only text, not {Describe(item)}");
            }

            index++;
        }

        return items;
    }

    public int? WholeNumber(string name)
    {
        if (!TryGet(name, out var value))
        {
            Fail(name, $"{Path(name)} is required");
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        Fail(name, $"{Path(name)} should be a whole number, not {Describe(value)}");
        return null;
    }

    public bool Flag(string name, bool absent)
    {
        if (!TryGet(name, out var value))
        {
            return absent;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail(name, $"{Path(name)} should be true or false, not {Describe(value)}");
        return absent;
    }

    /// <summary>The enum member named exactly, ignoring case; a problem listing the names otherwise.</summary>
    public TEnum? Choice<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var choices = string.Join(", ", Enum.GetNames<TEnum>());
        if (!TryGet(name, out var value))
        {
            Fail(name, $"{Path(name)} is required (one of {choices})");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && Enum.GetNames<TEnum>().FirstOrDefault(known => known.Equals(value.GetString(), StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            return Enum.Parse<TEnum>(match);
        }

        Fail(name, $"{Path(name)} {Describe(value)} is not one of {choices}");
        return null;
    }

    /// <summary>The nested object's fields, or null when absent or null.</summary>
    public EntryFields? Object(string name, IReadOnlyCollection<string> knownFields)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return new EntryFields(value, knownFields, _problems, _badFields, Path(name));
        }

        Fail(name, $"{Path(name)} should be an object ({{ ... }}) or null, not {Describe(value)}");
        return null;
    }

    private bool TryGet(string name, out JsonElement value) =>
        _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private void Fail(string name, string reason)
    {
        var field = Path(name);
        _badFields.Add(field);
        _problems.Add(new DirectoryProblem(field, reason));
    }

    private string Path(string name) => _prefix.Length == 0 ? name : _prefix + "." + name;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
