using System.Text.Json;
using Azure.Data.Tables;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>What the two directory tables share: list columns as JSON, upserts in batches per partition.</summary>
internal static class DirectoryEntities
{
    /// <summary>The most operations one entity group transaction takes.</summary>
    public const int MaxTransactionSize = 100;

    public static string ToJson(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>Throws when <paramref name="id"/> cannot be a row key (empty, too long, or one of / \ # ? or a control character).</summary>
    public static void CheckRowKey(string? id, string parameterName)
    {
        if (!CanBeRowKey(id))
        {
            throw new ArgumentException($"'{id}' cannot be a directory id (empty, longer than 512 characters, or holding / \\ # ? or a control character).", parameterName);
        }
    }

    public static bool CanBeRowKey([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 512 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>
    /// Upserts (replacing every column) in transactions of at most 100 per partition; an id given twice
    /// is stored as its last occurrence. Each transaction is all or nothing; a later one failing leaves the
    /// earlier ones stored, which a second run of the same upsert completes.
    /// </summary>
    public static async Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<(string, string), TableEntity>();
        foreach (var entity in entities)
        {
            latest[(entity.PartitionKey, entity.RowKey)] = entity;
        }

        foreach (var partition in latest.Values.GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxTransactionSize))
            {
                await table.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)), cancellationToken);
            }
        }
    }
}
