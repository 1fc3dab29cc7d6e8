namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// Where a field's value sits in one of the records that carry an enquiry (the form as sent, the submission, the
/// facts), read and written as canonical text (see <see cref="CanonicalText"/>), so that code going over every
/// field needs no case per field. Null text is no value.
/// </summary>
/// <param name="Get">The field's value in the record, as text.</param>
/// <param name="Set">The record with the field set to the text.</param>
public sealed record FieldAccessor<T>(Func<T, string?> Get, Func<T, string?, T> Set);
