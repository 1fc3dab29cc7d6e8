using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Directories;

namespace OnePointEntry.Integration.Tests.Directories;

/// <summary>The staff and partner directories through the app's composition against Azurite.</summary>
public sealed class TableDirectoryTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new(seedDirectories: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    private IStaffDirectory Staff => _storage.Services.GetRequiredService<IStaffDirectory>();

    private IPartnerDirectory Partners => _storage.Services.GetRequiredService<IPartnerDirectory>();

    [Fact]
    public async Task Staff_members_read_back_as_they_were_stored()
    {
        StaffMember[] members =
        [
            new("meilin.sorensen@onepointentry.example", "Mei Lin Sørensen", ["zh", "da", "en"], ["fur-industry", "food-agriculture"], 8, Active: true),
            new("jakob.krogh@onepointentry.example", "Jakob Krogh Andersen", ["da", "en"], [], 4, Active: true, IsTeamLead: true),
            new("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Liu Fang", ["zh"], ["tourism-culture"], 0, Active: false),
        ];

        await Staff.UpsertAsync(members, CancellationToken.None);

        var read = await Staff.ListAsync(CancellationToken.None);
        Assert.Equal(members.OrderBy(m => m.Id, StringComparer.Ordinal), read.OrderBy(m => m.Id, StringComparer.Ordinal), StaffComparer.Instance);
    }

    [Fact]
    public async Task Partners_read_back_as_they_were_stored_with_and_without_a_contact()
    {
        Partner[] partners =
        [
            new("kopenhagen-fur", "Kopenhagen Fur", PartnerKind.Company, "Glostrup", ["fur-industry", "investment-trade"], ["da", "en", "zh"],
                new PartnerContact("Henrik Møllgaard", "delegations.kf@example.dk", "+45 01 00 00 02"), ["Copenhagen Fur", "哥本哈根皮草", "A; B"]),
            new("european-spallation-source", "European Spallation Source ERIC", PartnerKind.Other, null, ["science-clusters"], ["en"], null, []),
            new("cobe", "COBE", PartnerKind.Company, "København", ["sustainable-urban-development"], ["da"], new PartnerContact("Frida Skou", "frida.skou@example.dk", null), []),
        ];

        await Partners.UpsertAsync(partners, CancellationToken.None);

        var read = await Partners.ListAsync(CancellationToken.None);
        Assert.Equal(partners.OrderBy(p => p.Id, StringComparer.Ordinal), read.OrderBy(p => p.Id, StringComparer.Ordinal), PartnerComparer.Instance);
        var stored = await _storage.Tables.GetTableClient(_storage.Names.PartnersTable).GetEntityAsync<TableEntity>("partner", "kopenhagen-fur");
        Assert.Equal("Company", stored.Value.GetString("Kind"));
    }

    [Fact]
    public async Task Upserting_replaces_by_id_and_leaves_others_alone()
    {
        await Staff.UpsertAsync(
            [
                new("chen.yu@onepointentry.example", "Chen Yu", ["zh", "en"], ["life-science-medtech"], 10, Active: true),
                new("emma.hartmann@onepointentry.example", "Emma Hartmann", ["da"], ["energy-climate"], 5, Active: true),
            ],
            CancellationToken.None);

        // The same person written with other capitals is the same person (UPNs are case-insensitive).
        await Staff.UpsertAsync([new("Chen.Yu@onepointentry.example", "Chen Yu", ["zh"], [], 2, Active: false)], CancellationToken.None);

        var read = await Staff.ListAsync(CancellationToken.None);
        Assert.Equal(2, read.Count);
        var chen = Assert.Single(read, m => m.Name == "Chen Yu");
        Assert.Equal(2, chen.WeeklyScreeningCapacity);
        Assert.False(chen.Active);
        Assert.Empty(chen.Themes);
        Assert.Contains(read, m => m.Name == "Emma Hartmann" && m.WeeklyScreeningCapacity == 5);
    }

    [Fact]
    public async Task More_than_one_transaction_of_partners_is_stored_whole()
    {
        var partners = Enumerable.Range(0, 250)
            .Select(i => new Partner($"partner-{i:000}", $"Partner {i}", PartnerKind.Company, "Glostrup", ["investment-trade"], ["da"], null, []))
            .ToList();

        await Partners.UpsertAsync(partners, CancellationToken.None);
        await Partners.UpsertAsync(partners, CancellationToken.None);

        var read = await Partners.ListAsync(CancellationToken.None);
        Assert.Equal(partners.Select(p => p.Id), read.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_id_that_cannot_be_a_row_key_is_refused_before_anything_is_stored()
    {
        Partner[] partners =
        [
            new("good", "Good", PartnerKind.Company, null, ["investment-trade"], ["da"], null, []),
            new("bad/id", "Bad", PartnerKind.Company, null, ["investment-trade"], ["da"], null, []),
        ];

        await Assert.ThrowsAsync<ArgumentException>(() => Partners.UpsertAsync(partners, CancellationToken.None));
        Assert.Empty(await Partners.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_directories_are_empty_before_seeding()
    {
        Assert.Empty(await Staff.ListAsync(CancellationToken.None));
        Assert.Empty(await Partners.ListAsync(CancellationToken.None));
    }

    private sealed class StaffComparer : IEqualityComparer<StaffMember>
    {
        public static readonly StaffComparer Instance = new();

        public bool Equals(StaffMember? x, StaffMember? y) =>
            x is not null && y is not null && x with { Languages = y.Languages, Themes = y.Themes } == y
            && x.Languages.SequenceEqual(y.Languages) && x.Themes.SequenceEqual(y.Themes);

        public int GetHashCode(StaffMember obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class PartnerComparer : IEqualityComparer<Partner>
    {
        public static readonly PartnerComparer Instance = new();

        public bool Equals(Partner? x, Partner? y) =>
            x is not null && y is not null && x with { Themes = y.Themes, Languages = y.Languages, Aliases = y.Aliases } == y
            && x.Themes.SequenceEqual(y.Themes) && x.Languages.SequenceEqual(y.Languages) && x.Aliases.SequenceEqual(y.Aliases);

        public int GetHashCode(Partner obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
