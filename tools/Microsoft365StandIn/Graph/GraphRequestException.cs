namespace Microsoft365StandIn.Graph;

/// <summary>A request Graph refuses, found deep in the handling of it; the dispatcher answers it as an ODataError.</summary>
internal sealed class GraphRequestException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public GraphResponse ToResponse() => GraphResponse.Error(Status, Code, Message);
}
