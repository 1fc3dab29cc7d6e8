using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OnePointEntry;
using OnePointEntry.Functions;
using OnePointEntry.Functions.Http;
using OnePointEntry.Infrastructure.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpFailureMiddleware>();

builder.Services.AddEnquiryDomain();
builder.AddEnquiryStorage();
builder.AddQueueRetryPolicy();

builder.Build().Run();
