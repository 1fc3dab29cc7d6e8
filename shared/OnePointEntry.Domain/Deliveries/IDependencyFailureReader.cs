namespace OnePointEntry.Deliveries;

/// <summary>Reads an adapter's exception (Graph's, Azure's, HTTP's) as a <see cref="DependencyFailure"/>; the domain knows none of their types.</summary>
public interface IDependencyFailureReader
{
    DependencyFailure Read(Exception exception);
}
