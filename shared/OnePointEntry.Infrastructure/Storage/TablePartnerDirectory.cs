using Azure.Data.Tables;
using OnePointEntry.Directories;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The partners in one partition of a table (tens to a few hundred organisations: screening reads them all
/// with one partition query). Row key = the partner's slug; kind by name; lists as JSON arrays; the contact
/// in three columns, all empty when there is none.
/// </summary>
public sealed class TablePartnerDirectory : IPartnerDirectory
{
    internal const string Partition = "partner";

    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TablePartnerDirectory(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.PartnersTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var partners = new List<Partner>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            partners.Add(ToPartner(entity));
        }

        return partners;
    }

    public async Task UpsertAsync(IReadOnlyList<Partner> partners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partners);
        foreach (var partner in partners)
        {
            ArgumentNullException.ThrowIfNull(partner, nameof(partners));
            DirectoryEntities.CheckRowKey(partner.Id, nameof(partners));
        }

        await _created.EnsureAsync(cancellationToken);
        await DirectoryEntities.UpsertAsync(_table, partners.Select(ToEntity), cancellationToken);
    }

    private static TableEntity ToEntity(Partner partner) => new(Partition, partner.Id)
    {
        ["Name"] = partner.Name,
        ["Kind"] = partner.Kind.ToString(),
        ["Municipality"] = partner.Municipality,
        ["Themes"] = DirectoryEntities.ToJson(partner.Themes),
        ["Languages"] = DirectoryEntities.ToJson(partner.Languages),
        ["ContactName"] = partner.Contact?.Name,
        ["ContactEmail"] = partner.Contact?.Email,
        ["ContactPhone"] = partner.Contact?.Phone,
        ["Aliases"] = DirectoryEntities.ToJson(partner.Aliases),
    };

    private static Partner ToPartner(TableEntity entity)
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
