using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Message-ID → enquiry reference in a table. Keys are hashed (Message-IDs may hold characters row keys
/// forbid); the first two hex digits spread the rows over 256 partitions.
/// </summary>
public sealed class TableMailIndex : IMailIndex
{
    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableMailIndex(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.MailMessagesTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<EnquiryReference?> FindAsync(string messageKey, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var (partition, row) = Keys(messageKey);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue && EnquiryReference.TryParse(response.Value!.GetString("Reference"), out var reference) ? reference : null;
    }

    public async Task<bool> TryClaimAsync(string messageKey, EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        try
        {
            await _table.AddEntityAsync(Entity(messageKey, reference), cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task ReassignAsync(string messageKey, EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _table.UpsertEntityAsync(Entity(messageKey, reference), TableUpdateMode.Replace, cancellationToken);
    }

    private static TableEntity Entity(string messageKey, EnquiryReference reference)
    {
        var (partition, row) = Keys(messageKey);
        return new TableEntity(partition, row) { ["Reference"] = reference.ToString() };
    }

    private static (string Partition, string Row) Keys(string messageKey)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)));
        return (hash[..2], hash);
    }
}
