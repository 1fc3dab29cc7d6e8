using Azure.Data.Tables;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// A directory kept in one partition of a table (tens to a few hundred entries: screening reads them all with
/// one partition query), with list columns as JSON and upserts in transactions of at most 100.
/// </summary>
/// <typeparam name="T">The entry: a staff member or a partner.</typeparam>
public abstract class TableDirectory<T>
    where T : class
{
    private readonly TableClient _table;
    private readonly CreateOnce _created;
    private readonly string _partition;

    protected TableDirectory(TableServiceClient tables, string tableName, string partition)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(tableName);
        _partition = partition;
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var entries = new List<T>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_partition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(entity));
        }

        return entries;
    }

    /// <summary>The entry whose row key is <paramref name="rowKey"/>, read alone; null when there is none.</summary>
    protected async Task<T?> FindByRowKeyAsync(string rowKey, CancellationToken cancellationToken)
    {
        if (!DirectoryEntities.CanBeRowKey(rowKey))
        {
            return null;
        }

        await _created.EnsureAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(_partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task UpsertAsync(IReadOnlyList<T> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            DirectoryEntities.CheckRowKey(IdOf(entry), nameof(entries));
        }

        await _created.EnsureAsync(cancellationToken);
        await DirectoryEntities.UpsertAsync(_table, entries.Select(entry => ToEntity(_partition, entry)), cancellationToken);
    }

    protected abstract string IdOf(T entry);

    protected abstract TableEntity ToEntity(string partition, T entry);

    protected abstract T FromEntity(TableEntity entity);
}
