using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OnePointEntry.Functions.Form;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff;
using OnePointEntry.Functions.Telemetry;
using OnePointEntry.Infrastructure;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<EnquiryScopeMiddleware>();
builder.UseMiddleware<HttpFailureMiddleware>();

// The Azure SDK logs every storage request and ASP.NET Core every HTTP request with its query string
// (which holds the function key): noise at best, a leak at worst. Our own log lines say what happened.
builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.AddTelemetry();

// What is the Function App's own: its HTTP surface (the form's pages). Everything else is the app's one
// composition, shared with the ope tool and the test fixtures.
builder.Services.AddEnquiryForm();
builder.Services.AddStaffWorkspace();
builder.AddOnePointEntry();

builder.Build().Run();
