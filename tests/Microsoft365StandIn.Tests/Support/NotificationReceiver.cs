using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft365StandIn.Tests.Support;

/// <summary>
/// A notification endpoint on a real local port, as the app's would be: answers the validation handshake (as told:
/// echo, a wrong echo, an error status, or too late) and takes notifications (202, or failing the first few).
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _notifications = new();
    private readonly ConcurrentQueue<string> _validations = new();
    private int _failuresLeft;

    private NotificationReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public Uri LifecycleUrl => new(Url, "lifecycle");

    public Func<string, (int Status, string Body)> Validation { get; set; } = token => (200, token);

    public TimeSpan ValidationDelay { get; set; }

    public IReadOnlyList<string> Notifications => [.. _notifications];

    public IReadOnlyList<string> Validations => [.. _validations];

    public int NotificationAttempts { get; private set; }

    public void FailNextNotifications(int count) => _failuresLeft = count;

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri($"{address}/api/mail/notifications");
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> notifications have come, or fails after a few seconds.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(int count)
    {
        for (var waited = 0; waited < 100 && _notifications.Count < count; waited++)
        {
            await Task.Delay(50);
        }

        Assert.True(_notifications.Count >= count, $"{_notifications.Count} notifications came, not {count}");
        return Notifications;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Query.TryGetValue("validationToken", out var token))
        {
            _validations.Enqueue(context.Request.Path + context.Request.QueryString);
            await Task.Delay(ValidationDelay, context.RequestAborted);
            var (status, body) = Validation(token.ToString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(body);
            return;
        }

        NotificationAttempts++;
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            context.Response.StatusCode = 500;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        _notifications.Enqueue(await reader.ReadToEndAsync());
        context.Response.StatusCode = 202;
    }
}
