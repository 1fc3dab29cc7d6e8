namespace OnePointEntry.Tool;

/// <summary>One command of the tool (<c>ope NAME ...</c>).</summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line for the tool's help.</summary>
    string Usage { get; }

    /// <returns>The process exit code: 0 success, 1 the work found a problem, 2 bad usage.</returns>
    int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error);
}
