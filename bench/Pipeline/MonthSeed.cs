using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OnePointEntry.Bench.Faults;
using OnePointEntry.Bench.Worklist;
using OnePointEntry.Enquiries;
using OnePointEntry.Routing;
using OnePointEntry.Screening.Decision;
using OnePointEntry.Workspace;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// Enquiries already in the current month, as the month's partition would hold them a week in: received on the
/// month's days so far, with the statuses a working team leaves (most routed and then accepted, declined, mediated
/// or further; a tenth still Routed and a few Screened, waiting for their screener; some in manual review), every
/// screened one decided for one of the sample staff. The rows are the app's own (its entity mapper, reached by
/// reflection as the worklist bench does): the enquiry, a form's fingerprint mark, an open one's worklist line and
/// the audit row of each status change, written in transactions of 100 rows of the month's partition, 8 at once.
/// </summary>
internal static class MonthSeed
{
    private static readonly (EnquiryStatus Status, int Percent)[] s_spread =
    [
        (EnquiryStatus.Screened, 1), (EnquiryStatus.Routed, 10), (EnquiryStatus.NeedsManualReview, 4),
        (EnquiryStatus.Accepted, 20), (EnquiryStatus.Declined, 35), (EnquiryStatus.Mediated, 12),
        (EnquiryStatus.VisitScheduled, 10), (EnquiryStatus.Completed, 8),
    ];

    private static readonly string[] s_countries = ["CN", "CN", "CN", "CN", "DE", "US", "JP", "KR", "SE", "NO", "IN", "BR", "FR", "GB", "VN", "TH"];
    private static readonly string[] s_cities = ["Shenzhen", "Hangzhou", "Chengdu", "Hamburg", "Boston", "Osaka", "Busan", "Malmö", "Bergen", "Pune", "Curitiba", "Lyon"];
    private static readonly string[] s_themes = ["sustainable-urban-development", "energy-climate", "water-environment", "life-science-medtech", "digital-tech", "welfare-eldercare", "maritime-logistics", "public-governance"];

    public static string Spread => string.Join(", ", s_spread.Select(part => string.Create(CultureInfo.InvariantCulture, $"{part.Status} {part.Percent}%")));

    /// <summary>Writes <paramref name="count"/> enquiries into this month's partition.</summary>
    /// <param name="taken">References already stored (the bursts'), which the seed must not reuse; the seed's are added.</param>
    /// <returns>The rows written.</returns>
    public static async Task<int> WriteAsync(TableClient table, int count, int seed, HashSet<string> taken)
    {
        var staff = JsonNode.Parse(await File.ReadAllTextAsync(BenchPaths.Beside("staff.json")))!.AsArray()
            .Select(person => (Id: person!["id"]!.GetValue<string>(), Name: person["name"]!.GetValue<string>()))
            .ToArray();
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var today = CopenhagenTime.DateOf(now);
        var rows = new List<TableEntity>(count * 5);
        for (var i = 0; i < count; i++)
        {
            var received = new DateOnly(today.Year, today.Month, 1 + random.Next(today.Day));
            var reference = EnquiryReference.New(received);
            while (!taken.Add(reference.ToString()))
            {
                reference = EnquiryReference.New(received);
            }

            var receivedAt = new DateTimeOffset(received.ToDateTime(new TimeOnly(6 + random.Next(10), random.Next(60))), TimeSpan.Zero);
            if (receivedAt > now)
            {
                receivedAt = now.AddHours(-1);
            }

            var enquiry = Build(i, seed, reference, receivedAt, Pick(random), staff[random.Next(staff.Length)], random);
            rows.Add(EnquiryRows.Of(enquiry));
            if (enquiry.Source == EnquirySource.WebForm)
            {
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(enquiry.Reference + enquiry.Submission.ContactEmail)));
                rows.Add(EnquiryRows.Of(new SubmissionMark(SubmissionMarkKind.Fingerprint, hash, hash), enquiry));
            }

            if (WorklistEntry.Of(enquiry) is { } work)
            {
                rows.Add(EnquiryRows.Of(work));
            }

            rows.AddRange(HistoryOf(enquiry).Select(EnquiryRows.Of));
        }

        var batches = rows.Chunk(100).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), token));
        return rows.Count;
    }

    private static EnquiryStatus Pick(Random random)
    {
        var roll = random.Next(100);
        foreach (var (status, percent) in s_spread)
        {
            if ((roll -= percent) < 0)
            {
                return status;
            }
        }

        return EnquiryStatus.Declined;
    }

    // The status changes that brought the enquiry where it is, as screening, routing and staff audit them.
    private static IEnumerable<StatusChange> HistoryOf(Enquiry enquiry)
    {
        EnquiryStatus[] path = enquiry.Status switch
        {
            EnquiryStatus.NeedsManualReview => [EnquiryStatus.Received, EnquiryStatus.NeedsManualReview],
            EnquiryStatus.Screened => [EnquiryStatus.Received, EnquiryStatus.Screened],
            EnquiryStatus.Routed => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed],
            EnquiryStatus.Accepted or EnquiryStatus.Declined => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, enquiry.Status],
            EnquiryStatus.Mediated => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted, EnquiryStatus.Mediated],
            EnquiryStatus.VisitScheduled => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted, EnquiryStatus.Mediated, EnquiryStatus.VisitScheduled],
            _ => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted, EnquiryStatus.Mediated, EnquiryStatus.VisitScheduled, EnquiryStatus.Completed],
        };
        var staff = enquiry.Decision?.Screener?.StaffId ?? "system";
        for (var step = 1; step < path.Length; step++)
        {
            var by = path[step] switch
            {
                EnquiryStatus.Screened or EnquiryStatus.NeedsManualReview => "system:screening",
                EnquiryStatus.Routed => "system:routing",
                _ => staff,
            };
            yield return new StatusChange(enquiry.Reference, path[step - 1], path[step], by, enquiry.ReceivedAt.AddMinutes(step * 30), null);
        }
    }

    private static Enquiry Build(int index, int seed, EnquiryReference reference, DateTimeOffset receivedAt, EnquiryStatus status, (string Id, string Name) screener, Random random)
    {
        var country = s_countries[random.Next(s_countries.Length)];
        var city = s_cities[random.Next(s_cities.Length)];
        var themes = s_themes.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
        var arrival = DateOnly.FromDateTime(receivedAt.UtcDateTime).AddDays(30 + random.Next(120));
        var screened = status != EnquiryStatus.NeedsManualReview;
        var routed = screened && status != EnquiryStatus.Screened;
        var organisation = string.Create(CultureInfo.InvariantCulture, $"{city} Municipal Development Bureau {seed}-{index}");
        var source = random.Next(10) < 6 ? EnquirySource.WebForm : EnquirySource.Mail;
        return new Enquiry
        {
            Reference = reference,
            Source = source,
            ReceivedAt = receivedAt,
            Status = status,
            Mail = source == EnquirySource.Mail ? new MailOrigin($"seed-{Guid.NewGuid():N}@pipeline.bench.example", $"AAMkAD{Guid.NewGuid():N}", $"Delegation visit request: {organisation}") : null,
            ManualReviewReason = screened ? null : "The country could not be read with confidence.",
            VisitDate = status is EnquiryStatus.VisitScheduled or EnquiryStatus.Completed ? arrival : null,
            Routing = routed ? new RoutingRecord(screener.Id, receivedAt.AddHours(1)) : null,
            Submission = new EnquirySubmission
            {
                Organisation = organisation,
                Country = country,
                City = city,
                ContactName = string.Create(CultureInfo.InvariantCulture, $"Contact {index}"),
                ContactEmail = string.Create(CultureInfo.InvariantCulture, $"visits{seed}.{index}@{city.ToLowerInvariant().Replace('ö', 'o')}-gov.example"),
                DelegationSize = 4 + random.Next(20),
                ArrivalDate = arrival,
                DepartureDate = arrival.AddDays(2 + random.Next(4)),
                Purpose = "A study visit about district heating, water management and urban development in Greater Copenhagen, with meetings with municipalities, utilities and companies, and a site visit if possible.",
                Themes = themes,
                Language = "en",
            },
            Screening = screened
                ? new ScreenedFacts { CountryCode = country, City = city, Sector = "public", Level = "municipal", Themes = themes, ScreenedAt = receivedAt.AddMinutes(1) }
                : null,
            Decision = screened
                ? new ScreeningDecision
                {
                    Outcome = DecisionOutcome.AssignedToScreener,
                    Screener = new ScreenerChoice(screener.Id, screener.Name, IsFallback: false, ["Speaks the enquiry's language and knows its themes."]),
                    Partners = [],
                    Priority = new PriorityAssessment(PriorityLevel.Normal, 0, []),
                    Deadline = receivedAt.AddDays(2),
                    DecidedAt = receivedAt.AddMinutes(1),
                }
                : null,
        };
    }
}
