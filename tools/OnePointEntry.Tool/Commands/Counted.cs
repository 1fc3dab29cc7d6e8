namespace OnePointEntry.Tool.Commands;

/// <summary>"1 problem", "3 problems": counts in the commands' messages.</summary>
internal static class Counted
{
    public static string Of(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
