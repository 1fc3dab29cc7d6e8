namespace OnePointEntry.Directories;

/// <summary>Why one directory entry cannot be stored.</summary>
/// <param name="Field">
/// The field as the seed files write it (<c>id</c>, <c>themes[2]</c>, <c>contact.email</c>), so a tool can
/// point at its line; empty for the entry as a whole.
/// </param>
/// <param name="Reason">What is wrong, for a person to fix, naming the value.</param>
public sealed record DirectoryProblem(string Field, string Reason);
