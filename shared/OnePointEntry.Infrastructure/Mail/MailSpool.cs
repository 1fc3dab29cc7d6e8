using System.Security.Cryptography;

namespace OnePointEntry.Infrastructure.Mail;

/// <summary>
/// A mail read from the network into a temporary file, up to a limit, with its SHA-256 taken on the way: a
/// mail of tens of megabytes is never held in memory whole, and is read again from the file for storing and
/// for parsing. The file is deleted when the spool is disposed.
/// </summary>
public sealed class MailSpool : IAsyncDisposable, IDisposable
{
    private const int ChunkSize = 81_920;
    private readonly FileStream _file;

    private MailSpool(FileStream file, long length, bool isComplete, string sha256)
    {
        _file = file;
        Length = length;
        IsComplete = isComplete;
        Sha256 = sha256;
    }

    /// <summary>The bytes kept: all of the mail when <see cref="IsComplete"/>, else the first maxBytes and a little more.</summary>
    public long Length { get; }

    /// <summary>False when the mail was longer than the limit and reading stopped there.</summary>
    public bool IsComplete { get; }

    /// <summary>The SHA-256 of the bytes kept, in lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>Reads <paramref name="source"/> to its end, or until more than <paramref name="maxBytes"/> have come.</summary>
    public static async Task<MailSpool> ReadAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"ope-mail-{Guid.NewGuid():N}.eml"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var chunk = new byte[ChunkSize];
            long length = 0;
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                hash.AppendData(chunk, 0, read);
                length += read;
                if (length > maxBytes)
                {
                    return new MailSpool(file, length, isComplete: false, Convert.ToHexStringLower(hash.GetHashAndReset()));
                }
            }

            await file.FlushAsync(cancellationToken);
            return new MailSpool(file, length, isComplete: true, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The kept bytes from the start. One reader at a time: each call rewinds the same stream.</summary>
    public Stream Rewind()
    {
        _file.Position = 0;
        return new ReadOnlyView(_file);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    public void Dispose() => _file.Dispose();

    // Readers (the blob upload, MimeKit) may dispose what they are given; the spool's file must outlive them.
    private sealed class ReadOnlyView(FileStream file) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => file.Length;

        public override long Position { get => file.Position; set => file.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => file.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => file.ReadAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
