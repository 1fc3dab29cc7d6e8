using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Infrastructure.Deliveries;
using OnePointEntry.Infrastructure.Directories;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Infrastructure.Health;
using OnePointEntry.Infrastructure.Mail;
using OnePointEntry.Infrastructure.Queues;
using OnePointEntry.Infrastructure.Retention;
using OnePointEntry.Infrastructure.Routing;
using OnePointEntry.Infrastructure.Statistics;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Reports;

namespace OnePointEntry.Infrastructure;

public static class OnePointEntryHostApplicationBuilderExtensions
{
    /// <summary>
    /// The app's composition, the one list of its services: the domain, the reports, storage, the app's one
    /// credential, the staff and partner directories, the outbox, the mailbox and mail sending, routing, mail intake, the health probes, retention, routing
    /// links and the report's recipients. The Function App, the <c>ope</c> tool and the test fixtures all
    /// call it; what is theirs alone (the Functions app's HTTP surface) or what a test must replace (table
    /// names through <see cref="StorageNames"/>, <see cref="TimeProvider"/>, the credential) they register
    /// before it, since every registration here is a <c>TryAdd</c>.
    /// </summary>
    /// <remarks>
    /// Settings are bound lazily and validated when the host starts (<c>ValidateOnStart</c>). The tool never
    /// starts its host, so a command that uses only storage needs only <c>AzureWebJobsStorage</c>.
    /// </remarks>
    public static IHostApplicationBuilder AddOnePointEntry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEnquiryDomain();
        builder.Services.AddStatisticsReports();
        builder.AddEnquiryStorage();
        builder.AddDirectories();
        builder.AddOutbox();
        builder.AddQueueRetryPolicy();
        builder.AddGraphMail();
        builder.AddScreeningRouting();
        builder.AddRoutingLinks();
        builder.AddStatisticsReportRecipients();
        builder.AddRetention();
        builder.AddHealthProbes();
        builder.AddMailIntake(provider => provider.GetRequiredService<IOptions<GraphOptions>>().Value.Mailbox);
        return builder;
    }
}
