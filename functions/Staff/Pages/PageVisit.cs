using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>Who is looking at a workspace page, and in which language.</summary>
public sealed record PageVisit(SignedInStaff Staff, WorkspaceText Text)
{
    public string Language => Text.Language;
}
