namespace LocalFunctionsHost.Worker;

/// <summary>The functions the worker loaded successfully; filled once during start-up.</summary>
internal sealed class FunctionCatalog
{
    private IReadOnlyList<FunctionDefinition> _functions = [];

    public IReadOnlyList<FunctionDefinition> Functions => _functions;

    public void Set(IReadOnlyList<FunctionDefinition> functions) => _functions = functions;

    public FunctionDefinition? Find(string name) =>
        _functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
