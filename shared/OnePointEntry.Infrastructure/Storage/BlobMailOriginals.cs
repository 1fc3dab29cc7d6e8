using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using OnePointEntry.Enquiries;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>Originals of mail as block blobs (<c>message/rfc822</c>) in one container, named by their message key.</summary>
public sealed class BlobMailOriginals : IMailOriginals
{
    private readonly BlobContainerClient _container;
    private readonly CreateOnce _created;

    public BlobMailOriginals(BlobServiceClient blobs, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(names);
        _container = blobs.GetBlobContainerClient(names.MailOriginalsContainer);
        _created = new CreateOnce(cancellationToken => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }

    public async Task KeepAsync(string messageKey, Stream original, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        await _created.EnsureAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
            // The first delivery is the original; another with the same key (a relay's retry, the delta catch-up)
            // finds it kept and leaves it.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await _container.GetBlobClient(MailOrigin.OriginalNameOf(messageKey)).UploadAsync(original, options, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // Kept already.
        }
    }

    public async Task<Stream?> OpenAsync(string messageKey, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.GetBlobClient(MailOrigin.OriginalNameOf(messageKey)).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == (int)HttpStatusCode.NotFound)
        {
            // No such blob, or no container yet: nothing was kept.
            return null;
        }
    }

    public async Task DeleteAsync(string messageKey, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _container.GetBlobClient(MailOrigin.OriginalNameOf(messageKey)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }
}
