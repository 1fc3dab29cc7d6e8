using Azure.Data.Tables;
using OnePointEntry.Directories;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The partners in one partition of a table (tens to a few hundred organisations: screening reads them all
/// with one partition query). Row key = the partner's slug; kind by name; lists as JSON arrays; the contact
/// in three columns, all empty when there is none.
/// </summary>
public sealed class TablePartnerDirectory : TableDirectory<Partner>, IPartnerDirectory
{
    internal const string Partition = "partner";

    public TablePartnerDirectory(TableServiceClient tables, StorageNames names)
        : base(tables, (names ?? throw new ArgumentNullException(nameof(names))).PartnersTable, Partition)
    {
    }

    protected override string IdOf(Partner entry) => entry.Id;

    protected override TableEntity ToEntity(string partition, Partner entry) => new(partition, entry.Id)
    {
        ["Name"] = entry.Name,
        ["Kind"] = entry.Kind.ToString(),
        ["Municipality"] = entry.Municipality,
        ["Themes"] = DirectoryEntities.ToJson(entry.Themes),
        ["Languages"] = DirectoryEntities.ToJson(entry.Languages),
        ["ContactName"] = entry.Contact?.Name,
        ["ContactEmail"] = entry.Contact?.Email,
        ["ContactPhone"] = entry.Contact?.Phone,
        ["Aliases"] = DirectoryEntities.ToJson(entry.Aliases),
    };

    protected override Partner FromEntity(TableEntity entity)
    {
        var contactName = entity.GetString("ContactName");
        var contactEmail = entity.GetString("ContactEmail");
        return new Partner(
            entity.RowKey,
            entity.GetString("Name") ?? string.Empty,
            // A kind this version does not know (written by a newer one) reads as Other rather than failing the whole list.
            Enum.TryParse<PartnerKind>(entity.GetString("Kind"), ignoreCase: false, out var kind) && Enum.IsDefined(kind) ? kind : PartnerKind.Other,
            entity.GetString("Municipality"),
            DirectoryEntities.FromJson(entity.GetString("Themes")),
            DirectoryEntities.FromJson(entity.GetString("Languages")),
            contactName is null && contactEmail is null ? null : new PartnerContact(contactName ?? string.Empty, contactEmail ?? string.Empty, entity.GetString("ContactPhone")),
            DirectoryEntities.FromJson(entity.GetString("Aliases")));
    }
}
