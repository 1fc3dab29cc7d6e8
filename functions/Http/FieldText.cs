using OnePointEntry.Text;

namespace OnePointEntry.Functions.Http;

/// <summary>The checks every free-text field of a request body gets: allowed characters (<see cref="InputText"/>), then length.</summary>
public static class FieldText
{
    /// <summary>Why <paramref name="value"/> cannot be <paramref name="field"/>'s value; null when it can.</summary>
    public static string? Problem(string field, string value, int maxLength, TextKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (InputText.FindRefused(value, kind) is { } refused)
        {
            return kind == TextKind.SingleLine
                ? $"{field} must be one line of visible text; it holds {refused} (control characters, line breaks and invisible or direction-changing characters are refused)."
                : $"{field} holds {refused}; control characters and direction-changing characters are refused (line breaks and tabs are fine).";
        }

        return value.Length > maxLength ? $"{field} must be at most {maxLength} characters; it has {value.Length}." : null;
    }
}
