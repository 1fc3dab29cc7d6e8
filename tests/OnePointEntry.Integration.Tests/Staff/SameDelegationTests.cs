using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Staff.Actions;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Statistics;

namespace OnePointEntry.Integration.Tests.Staff;

/// <summary>Two enquiries about one visit (a municipality and a company forwarding it) count once once staff say so.</summary>
public sealed class SameDelegationTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new(seedDirectories: false);

    private IEnquiryStore Store => _storage.Services.GetRequiredService<IEnquiryStore>();

    private CalendarMonth Month => CalendarMonth.Of(CopenhagenTime.DateOf(_storage.Time.GetUtcNow()));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task Marked_as_the_same_delegation_the_visit_counts_once_audited_and_undone_it_counts_twice_again()
    {
        var fromMunicipality = await AddVisitAsync();
        var fromCompany = await AddVisitAsync();
        Assert.Equal(2, (await StatisticsAsync()).DelegationsFacilitated.Total);

        var (status, body) = await MarkAsync(fromCompany, new { sameAs = fromMunicipality.ToString() });

        Assert.Equal(200, status);
        Assert.Equal(fromMunicipality.ToString(), body.GetProperty("sameDelegationAs").GetString());
        var audit = body.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(SameDelegation.AuditField, audit.GetProperty("field").GetString());
        Assert.Equal(fromMunicipality.ToString(), audit.GetProperty("after").GetString());
        Assert.Equal("anna@onepointentry.example", audit.GetProperty("by").GetString());
        var figures = await StatisticsAsync();
        Assert.Equal(1, figures.DelegationsFacilitated.Total);
        Assert.Equal(2, figures.EnquiriesReceived.Total);

        Assert.Equal(200, (await MarkAsync(fromCompany, new { sameAs = (string?)null })).Status);
        Assert.Equal(2, (await StatisticsAsync()).DelegationsFacilitated.Total);
    }

    [Fact]
    public async Task Two_enquiries_cannot_count_each_other_and_an_unknown_one_cannot_count()
    {
        var first = await AddVisitAsync();
        var second = await AddVisitAsync();
        Assert.Equal(200, (await MarkAsync(second, new { sameAs = first.ToString() })).Status);

        var (circular, problem) = await MarkAsync(first, new { sameAs = second.ToString() });
        var (itself, _) = await MarkAsync(first, new { sameAs = first.ToString() });
        var (unknown, _) = await MarkAsync(first, new { sameAs = EnquiryReference.New(CopenhagenTime.DateOf(_storage.Time.GetUtcNow())).ToString() });
        var (malformed, _) = await MarkAsync(first, new { sameAs = "not a reference" });

        Assert.Equal(409, circular);
        Assert.Equal("urn:onepointentry:problem:same-delegation-circular", problem.GetProperty("type").GetString());
        Assert.Equal(409, itself);
        Assert.Equal(422, unknown);
        Assert.Equal(400, malformed);
        Assert.Null((await Store.FindAsync(first, CancellationToken.None))!.SameDelegationAs);
        Assert.Equal(1, (await StatisticsAsync()).DelegationsFacilitated.Total);
    }

    [Fact]
    public async Task Without_a_staff_sign_in_nothing_is_marked()
    {
        var first = await AddVisitAsync();
        var second = await AddVisitAsync();
        var request = HttpRequests.Json(new { sameAs = first.ToString() });
        request.Method = HttpMethods.Put;
        request.SignedInAs("anna@onepointentry.example", StaffRole.Staff);

        var (status, _, _, _) = await (await _storage.Create<MarkSameDelegation>().Run(request, second.ToString(), CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(401, status);
        Assert.Null((await Store.FindAsync(second, CancellationToken.None))!.SameDelegationAs);
    }

    private async Task<(int Status, JsonElement Body)> MarkAsync(EnquiryReference reference, object body)
    {
        _storage.Time.Advance(TimeSpan.FromSeconds(1));
        var request = HttpRequests.Json(body);
        request.Method = HttpMethods.Put;
        request.SignedInAs("anna@onepointentry.example", StaffRole.Staff);
        var (status, _, _, json) = await (await _storage.CreateBehindSignIn<MarkSameDelegation>().Run(request, reference.ToString(), CancellationToken.None)).ExecuteAsync(request);
        return (status, json);
    }

    private async Task<PeriodFigures> StatisticsAsync()
    {
        using var scope = _storage.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<DelegationStatistics>().ComputeAsync(StatisticsPeriod.Month(Month), CancellationToken.None)).Current;
    }

    private async Task<EnquiryReference> AddVisitAsync()
    {
        var now = _storage.Time.GetUtcNow();
        var reference = EnquiryReference.New(CopenhagenTime.DateOf(now));
        Assert.Equal(AddEnquiryResult.Added, await Store.AddAsync(
            new Enquiry
            {
                Reference = reference,
                Source = EnquirySource.Mail,
                ReceivedAt = now,
                Status = EnquiryStatus.Accepted,
                Submission = new EnquirySubmission
                {
                    Organisation = "Ningbo Port Group",
                    Country = "China",
                    ContactEmail = "office@nb.example.cn",
                    Purpose = "Port logistics.",
                    ArrivalDate = Month.FirstDay.AddDays(3),
                },
                Screening = new ScreenedFacts { CountryCode = "CN", Sector = "private", Themes = ["fur-industry"], ScreenedAt = now },
            },
            [],
            [],
            CancellationToken.None));
        using var scope = _storage.Services.CreateScope();
        var scheduled = await scope.ServiceProvider.GetRequiredService<EnquiryStatusUpdate>().ChangeAsync(reference, EnquiryStatus.VisitScheduled, "lead@ope", null, null, CancellationToken.None);
        Assert.Equal(StatusUpdateOutcome.Changed, scheduled.Outcome);
        return reference;
    }
}
