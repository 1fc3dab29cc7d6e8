using LocalFunctionsHost.Grpc.Messages;

namespace LocalFunctionsHost.Worker;

/// <summary>A function the worker reported, with its bindings parsed once.</summary>
internal sealed class FunctionDefinition
{
    private FunctionDefinition(string id, RpcFunctionMetadata metadata, IReadOnlyList<FunctionBinding> bindings)
    {
        Id = id;
        Metadata = metadata;
        Bindings = bindings;
        Trigger = bindings.FirstOrDefault(b => b.IsTrigger);
    }

    public string Id { get; }

    public string Name => Metadata.Name;

    public RpcFunctionMetadata Metadata { get; }

    public IReadOnlyList<FunctionBinding> Bindings { get; }

    public FunctionBinding? Trigger { get; }

    public IEnumerable<FunctionBinding> Outputs => Bindings.Where(b => b.Direction != BindingDirection.In);

    public bool IsHttp => Trigger?.Is("httpTrigger") == true;

    public static FunctionDefinition FromMetadata(RpcFunctionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        IReadOnlyList<FunctionBinding> bindings = metadata.RawBindings.Count > 0
            ? metadata.RawBindings.Select(FunctionBinding.Parse).ToList()
            : metadata.Bindings.Select(b => new FunctionBinding(
                b.Key,
                b.Value.Type,
                (BindingDirection)b.Value.Direction,
                [])).ToList();
        var id = string.IsNullOrEmpty(metadata.FunctionId) ? Guid.NewGuid().ToString() : metadata.FunctionId;
        return new FunctionDefinition(id, metadata, bindings);
    }
}
