using System.Text.Json;
using Azure.Data.Tables;
using OnePointEntry.Directories;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The screening staff in one partition of a table (a few dozen people: listing them is one partition
/// query). Row key = the id in lower case (user principal names and Graph ids are case-insensitive), lists
/// as JSON arrays.
/// </summary>
public sealed class TableStaffDirectory : IStaffDirectory
{
    internal const string Partition = "staff";

    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableStaffDirectory(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.StaffTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var members = new List<StaffMember>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            members.Add(ToMember(entity));
        }

        return members;
    }

    public async Task UpsertAsync(IReadOnlyList<StaffMember> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var member in members)
        {
            ArgumentNullException.ThrowIfNull(member, nameof(members));
            DirectoryEntities.CheckRowKey(member.Id, nameof(members));
        }

        await _created.EnsureAsync(cancellationToken);
        await DirectoryEntities.UpsertAsync(_table, members.Select(ToEntity), cancellationToken);
    }

    internal static string RowKeyOf(string id) => id.ToLowerInvariant();

    private static TableEntity ToEntity(StaffMember member) => new(Partition, RowKeyOf(member.Id))
    {
        ["Id"] = member.Id,
        ["Name"] = member.Name,
        ["Languages"] = DirectoryEntities.ToJson(member.Languages),
        ["Themes"] = DirectoryEntities.ToJson(member.Themes),
        ["WeeklyScreeningCapacity"] = member.WeeklyScreeningCapacity,
        ["Active"] = member.Active,
        ["IsTeamLead"] = member.IsTeamLead,
    };

    private static StaffMember ToMember(TableEntity entity) => new(
        entity.GetString("Id") ?? entity.RowKey,
        entity.GetString("Name") ?? string.Empty,
        DirectoryEntities.FromJson(entity.GetString("Languages")),
        DirectoryEntities.FromJson(entity.GetString("Themes")),
        entity.GetInt32("WeeklyScreeningCapacity") ?? 0,
        entity.GetBoolean("Active") ?? false,
        entity.GetBoolean("IsTeamLead") ?? false);
}

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
        if (string.IsNullOrEmpty(id) || id.Length > 512 || id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"'{id}' cannot be a directory id (empty, longer than 512 characters, or holding / \\ # ? or a control character).", parameterName);
        }
    }

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
