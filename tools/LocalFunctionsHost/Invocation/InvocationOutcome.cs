namespace LocalFunctionsHost.Invocation;

/// <summary>How an invocation ended, as far as the trigger that started it needs to know.</summary>
internal sealed record InvocationOutcome(bool Succeeded, string? Error)
{
    public static readonly InvocationOutcome Success = new(true, null);

    public static InvocationOutcome Failure(string error) => new(false, error);
}
