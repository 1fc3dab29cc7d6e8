namespace OnePointEntry.Enquiries.Fields;

/// <summary>A value read for a field: its canonical text (empty clears the field), or why it was refused.</summary>
public sealed record FieldValue(string? Value, string? Problem)
{
    public static FieldValue Of(string value) => new(value, null);

    public static FieldValue Refused(string problem) => new(null, problem);
}
