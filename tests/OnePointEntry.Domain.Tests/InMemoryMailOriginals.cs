using OnePointEntry.Mail;

namespace OnePointEntry.Domain.Tests;

/// <summary>Mail originals in a dictionary, by message key.</summary>
public sealed class InMemoryMailOriginals : IMailOriginals
{
    public Dictionary<string, byte[]> Kept { get; } = new(StringComparer.Ordinal);

    public async Task KeepAsync(string messageKey, Stream original, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await original.CopyToAsync(copy, cancellationToken);
        Kept.TryAdd(messageKey, copy.ToArray());
    }

    public Task<Stream?> OpenAsync(string messageKey, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(Kept.TryGetValue(messageKey, out var kept) ? new MemoryStream(kept, writable: false) : null);

    public Task DeleteAsync(string messageKey, CancellationToken cancellationToken)
    {
        Kept.Remove(messageKey);
        return Task.CompletedTask;
    }
}
