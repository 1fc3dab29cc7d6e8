using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Directories;
using OnePointEntry.Infrastructure.Directories;

namespace OnePointEntry.Integration.Tests.Directories;

/// <summary>The directories as screening reads them: once per freshness, not once per enquiry.</summary>
public sealed class CachedDirectoryTests
{
    private static readonly StaffMember s_mei = new("mei.chen@onepointentry.example", "Mei Chen", ["zh", "en"], ["fur-industry"], 5, Active: true);
    private static readonly StaffMember s_lars = new("lars.holm@onepointentry.example", "Lars Holm", ["da", "en"], [], 5, Active: true, IsTeamLead: true);
    private static readonly Partner s_fur = new("kopenhagen-fur", "Kopenhagen Fur", PartnerKind.Company, "Glostrup", ["fur-industry"], ["da", "en"], null, []);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IStaffDirectory> _staff = new(MockBehavior.Strict);
    private readonly Mock<IPartnerDirectory> _partners = new(MockBehavior.Strict);

    private static IOptions<DirectoryCacheSettings> Fresh(TimeSpan freshness) => Options.Create(new DirectoryCacheSettings { Freshness = freshness });

    [Fact]
    public async Task The_staff_list_is_read_once_while_it_is_fresh_and_again_once_it_is_not()
    {
        _staff.SetupSequence(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([s_mei]).ReturnsAsync([s_mei, s_lars]);
        var cached = new CachedStaffDirectory(_staff.Object, Fresh(TimeSpan.FromSeconds(60)), _time);

        var first = await cached.ListAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));
        var fresh = await cached.ListAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var stale = await cached.ListAsync(CancellationToken.None);

        Assert.Equal([s_mei], first);
        Assert.Same(first, fresh);
        Assert.Equal([s_mei, s_lars], stale);
        _staff.Verify(d => d.ListAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Many_screenings_at_once_share_one_read()
    {
        var release = new TaskCompletionSource<IReadOnlyList<StaffMember>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _staff.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).Returns(release.Task);
        var cached = new CachedStaffDirectory(_staff.Object, Fresh(TimeSpan.FromMinutes(1)), _time);

        var readers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cached.ListAsync(CancellationToken.None))).ToList();
        await Task.Delay(50);
        release.SetResult([s_mei]);
        var lists = await Task.WhenAll(readers);

        Assert.All(lists, list => Assert.Equal([s_mei], list));
        _staff.Verify(d => d.ListAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_change_written_through_the_process_is_read_at_once_and_a_member_alone_always_asks_storage()
    {
        _staff.SetupSequence(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([s_mei]).ReturnsAsync([s_mei, s_lars]);
        _staff.Setup(d => d.UpsertAsync(It.IsAny<IReadOnlyList<StaffMember>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _staff.Setup(d => d.FindAsync(s_lars.Id, It.IsAny<CancellationToken>())).ReturnsAsync(s_lars);
        var cached = new CachedStaffDirectory(_staff.Object, Fresh(TimeSpan.FromMinutes(1)), _time);

        await cached.ListAsync(CancellationToken.None);
        await cached.UpsertAsync([s_lars], CancellationToken.None);
        var after = await cached.ListAsync(CancellationToken.None);
        var found = await cached.FindAsync(s_lars.Id, CancellationToken.None);
        await cached.FindAsync(s_lars.Id, CancellationToken.None);

        Assert.Equal([s_mei, s_lars], after);
        Assert.Equal(s_lars, found);
        _staff.Verify(d => d.FindAsync(s_lars.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_freshness_of_zero_reads_the_partners_every_time()
    {
        _partners.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([s_fur]);
        var cached = new CachedPartnerDirectory(_partners.Object, Fresh(TimeSpan.Zero), _time);

        await cached.ListAsync(CancellationToken.None);
        await cached.ListAsync(CancellationToken.None);

        _partners.Verify(d => d.ListAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task The_partner_list_is_kept_and_read_again_after_a_write()
    {
        _partners.SetupSequence(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]).ReturnsAsync([s_fur]);
        _partners.Setup(d => d.UpsertAsync(It.IsAny<IReadOnlyList<Partner>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var cached = new CachedPartnerDirectory(_partners.Object, Fresh(TimeSpan.FromMinutes(1)), _time);

        Assert.Empty(await cached.ListAsync(CancellationToken.None));
        Assert.Empty(await cached.ListAsync(CancellationToken.None));
        await cached.UpsertAsync([s_fur], CancellationToken.None);

        Assert.Equal([s_fur], await cached.ListAsync(CancellationToken.None));
        _partners.Verify(d => d.ListAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Theory]
    [InlineData("02:00:00")]
    [InlineData("-00:00:01")]
    public async Task A_freshness_outside_zero_to_an_hour_stops_the_app_at_start_up_naming_the_setting(string freshness)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Directories:Freshness"] = freshness });
        builder.AddDirectories();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Directories__Freshness", failure.Message, StringComparison.Ordinal);
    }
}
