using Azure.Data.Tables;
using OnePointEntry.Directories;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The screening staff in one partition of a table (a few dozen people: listing them is one partition
/// query). Row key = the id in lower case (user principal names and Graph ids are case-insensitive), lists
/// as JSON arrays.
/// </summary>
public sealed class TableStaffDirectory : TableDirectory<StaffMember>, IStaffDirectory
{
    internal const string Partition = "staff";

    public TableStaffDirectory(TableServiceClient tables, StorageNames names)
        : base(tables, (names ?? throw new ArgumentNullException(nameof(names))).StaffTable, Partition)
    {
    }

    internal static string RowKeyOf(string id) => id.ToLowerInvariant();

    public Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return FindByRowKeyAsync(RowKeyOf(id), cancellationToken);
    }

    protected override string IdOf(StaffMember entry) => entry.Id;

    protected override TableEntity ToEntity(string partition, StaffMember entry) => new(partition, RowKeyOf(entry.Id))
    {
        ["Id"] = entry.Id,
        ["Name"] = entry.Name,
        ["Languages"] = DirectoryEntities.ToJson(entry.Languages),
        ["Themes"] = DirectoryEntities.ToJson(entry.Themes),
        ["WeeklyScreeningCapacity"] = entry.WeeklyScreeningCapacity,
        ["Active"] = entry.Active,
        ["IsTeamLead"] = entry.IsTeamLead,
    };

    protected override StaffMember FromEntity(TableEntity entity) => new(
        entity.GetString("Id") ?? entity.RowKey,
        entity.GetString("Name") ?? string.Empty,
        DirectoryEntities.FromJson(entity.GetString("Languages")),
        DirectoryEntities.FromJson(entity.GetString("Themes")),
        entity.GetInt32("WeeklyScreeningCapacity") ?? 0,
        entity.GetBoolean("Active") ?? false,
        entity.GetBoolean("IsTeamLead") ?? false);
}
