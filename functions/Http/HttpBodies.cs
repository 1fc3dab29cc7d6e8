namespace OnePointEntry.Functions.Http;

/// <summary>Reading request bodies with a limit enforced while reading, so a large body is never buffered whole.</summary>
public static class HttpBodies
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads and drops what is left of a body refused for its size, up to <paramref name="maxBytes"/>, so the
    /// caller reads the 413 instead of a connection reset while still sending.
    /// </summary>
    public static async Task DrainAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var chunk = new byte[81920];
        long drained = 0;
        int read;
        while (drained < maxBytes && (read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            drained += read;
        }
    }
}
