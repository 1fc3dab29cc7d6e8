using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnePointEntry;
using OnePointEntry.Functions;
using OnePointEntry.Functions.Form;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Telemetry;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Infrastructure.Health;
using OnePointEntry.Infrastructure.Mail;
using OnePointEntry.Infrastructure.Routing;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Reports;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<EnquiryScopeMiddleware>();
builder.UseMiddleware<HttpFailureMiddleware>();

// The Azure SDK logs every storage request and ASP.NET Core every HTTP request with its query string
// (which holds the function key): noise at best, a leak at worst. Our own log lines say what happened.
builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.AddTelemetry();

builder.Services.AddEnquiryDomain();
builder.Services.AddStatisticsReports();
builder.Services.AddEnquiryForm();
builder.AddEnquiryStorage();
builder.AddQueueRetryPolicy();
builder.AddGraphMail();
builder.AddScreeningRouting();
builder.AddRoutingLinks();
builder.AddStatisticsReportRecipients();
builder.AddRetention();
builder.AddHealthProbes();
builder.AddMailIntake(provider => provider.GetRequiredService<IOptions<GraphOptions>>().Value.Mailbox);

builder.Build().Run();
