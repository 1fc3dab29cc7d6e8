using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary>The status form, read: the change to make, or what is wrong with it; the values as sent either way.</summary>
public sealed record StatusChangePost(
    EnquiryStatus? Status,
    string? Note,
    DateOnly? VisitDate,
    IReadOnlyList<PageError> Errors,
    IReadOnlyDictionary<string, string> Typed);
