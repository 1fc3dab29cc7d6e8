using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft365StandIn.Acs;
using Microsoft365StandIn.Batch;
using Microsoft365StandIn.Calendars;
using Microsoft365StandIn.Control;
using Microsoft365StandIn.Directory;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.Hosting;
using Microsoft365StandIn.Mail;
using Microsoft365StandIn.Planner;
using Microsoft365StandIn.State;
using Microsoft365StandIn.Subscriptions;
using Microsoft365StandIn.Teams;
using Microsoft365StandIn.Tokens;

namespace Microsoft365StandIn;

/// <summary>
/// The Microsoft 365 stand-in on 127.0.0.1: Graph v1.0 under <see cref="GraphBaseUrl"/>, its token endpoint, a
/// Teams Workflows webhook, ACS Email, and its own control routes under <c>/standin</c>. The program runs one; a
/// test starts one in process with <see cref="StartAsync"/> and looks at and changes its state through the typed
/// members (grouped by feature in the other parts of this class).
/// </summary>
public sealed partial class StandInServer : IAsyncDisposable, IDisposable
{
    /// <summary>The plan "One-Point Entry screening", which always exists.</summary>
    public const string PlanId = ScreeningPlan.PlanId;

    /// <summary>The plan's bucket "Screening".</summary>
    public const string ScreeningBucketId = ScreeningPlan.BucketId;

    /// <summary>The Teams channel whose webhook <see cref="TeamsWebhookUrl"/> is.</summary>
    public const string DefaultTeamsChannel = "ope-screening";

    private readonly WebApplication _app;
    private readonly StandInState _state;
    private readonly NotificationSender _notifications;
    private readonly StateFile? _stateFile;
    private readonly X509Certificate2? _certificate;
    private readonly Services _services;
    private int _disposed;

    private StandInServer(WebApplication app, StandInState state, NotificationSender notifications, StateFile? stateFile, X509Certificate2? certificate, Services services, string teamsSignature)
    {
        _app = app;
        _state = state;
        _notifications = notifications;
        _stateFile = stateFile;
        _certificate = certificate;
        _services = services;
        TeamsSignature = teamsSignature;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.First(address => address.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        HttpsBaseUrl = addresses.FirstOrDefault(address => address.StartsWith("https://", StringComparison.Ordinal)) is { } https ? new Uri(https.TrimEnd('/') + "/") : null;
    }

    /// <summary>The root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The HTTPS root when an HTTPS port was asked for, else null.</summary>
    public Uri? HttpsBaseUrl { get; }

    /// <summary>Graph's root, <c>http://127.0.0.1:{port}/v1.0</c>, for <c>Graph__BaseUrl</c>.</summary>
    public Uri GraphBaseUrl => new(BaseUrl, "v1.0");

    /// <summary>The client credentials token endpoint.</summary>
    public Uri TokenEndpoint => new(BaseUrl, "oauth2/v2.0/token");

    /// <summary>The page a person opens.</summary>
    public Uri PageUrl => new(BaseUrl, "standin");

    /// <summary>The shared mailbox this stand-in holds (what <c>Graph__Mailbox</c> must say).</summary>
    public string Mailbox => _state.Mailbox;

    /// <summary>The shared mailbox's object id.</summary>
    public string MailboxUserId
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.MailboxUser.Id;
            }
        }
    }

    /// <summary>The Graph settings (<c>Graph:Mailbox</c>, <c>Graph:BaseUrl</c>) for this stand-in.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Graph:Mailbox"] = Mailbox,
        ["Graph:BaseUrl"] = GraphBaseUrl.AbsoluteUri,
    };

    /// <summary>The <c>Planner:PlanId</c> and <c>Planner:BucketId</c> settings for the plan.</summary>
    public static Dictionary<string, string?> PlannerSettings => new()
    {
        ["Planner:PlanId"] = PlanId,
        ["Planner:BucketId"] = ScreeningBucketId,
    };

    public static StandInServer Start(StandInOptions? options = null) => StartAsync(options).GetAwaiter().GetResult();

    public static async Task<StandInServer> StartAsync(StandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Exchange reads GB2312, GBK, Big5 and the other legacy charsets Chinese and Japanese mail still comes in;
        // .NET knows them only once the code pages are registered, and MimeKit remembers a charset it could not
        // find, so this comes before the stand-in reads or writes any mail (a sent report once came first).
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        options ??= new StandInOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRecordedRequests, nameof(options));
        if (!options.Mailbox.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The mailbox '{options.Mailbox}' is not an address.", nameof(options));
        }

        var domain = options.Mailbox[(options.Mailbox.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var staff = options.UsersFile is { } usersFile ? StaffFile.Read(usersFile, domain) : [];
        var data = options.StateFile is { } path ? StateFile.Load(path) ?? new StandInData() : new StandInData();
        var state = new StandInState(data, options.Mailbox, options.Time, options.MaxRecordedRequests);
        var certificate = options.HttpsPort is null ? null : SelfSignedCertificate.Create();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(StandInServer).Assembly.GetName().Name, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = InboxDelivery.MaxSize + (1024 * 1024);
            kestrel.Listen(IPAddress.Loopback, options.Port);
            if (options.HttpsPort is { } httpsPort)
            {
                kestrel.Listen(IPAddress.Loopback, httpsPort, listen => listen.UseHttps(certificate!));
            }
        });
        builder.Services.AddSingleton<RequestLogging>();
        var app = builder.Build();
        var loggers = app.Services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

        var tokens = new TokenIssuer(options.Time);
        var store = new MailStore(state);
        var notifications = new NotificationSender(
            state,
            options.NotificationHandler,
            new NotificationTiming(options.ValidationTimeout, options.NotificationTimeout, options.NotificationRetryDelay, options.NotificationRetries),
            loggers.CreateLogger<NotificationSender>());
        var subscriptions = new SubscriptionRoutes(state, notifications);
        store.ArrivedInInbox += subscriptions.NotifyArrival;
        var dispatcher = new GraphDispatcher(state, tokens, options.RequireToken);
        dispatcher.Add(new MailRoutes(state, store, new InboxDelta(state, store)).Routes);
        dispatcher.Add(subscriptions.Routes);
        dispatcher.Add(new DirectoryRoutes(state).Routes);
        dispatcher.Add(new CalendarRoutes(state).Routes);
        dispatcher.Add(new PlannerRoutes(state).Routes);
        dispatcher.Add([new BatchRoute(state, dispatcher.DispatchAsync).Route]);
        var delivery = new InboxDelivery(state, store);
        var lifecycle = new LifecycleEvents(state, subscriptions, notifications);
        var services = new Services(store, delivery, lifecycle, tokens);
        var graph = new GraphEndpoint(state, dispatcher);
        var teams = new TeamsWebhook(state, options.TeamsSignature);
        var acs = new AcsEmail(state, tokens, options.RequireToken);
        var control = new ControlRoutes(state, delivery, lifecycle);

        lock (state.Gate)
        {
            store.EnsureFolders();
            AddUser(state, new DirectoryUser(Ids.ObjectIdFor(options.Mailbox), options.MailboxDisplayName, options.Mailbox, options.Mailbox));
            foreach (var user in staff)
            {
                AddUser(state, user);
            }
        }

        var stateFile = options.StateFile is { } file ? new StateFile(file, state, options.StateSaveDelay, loggers.CreateLogger<StateFile>()) : null;
        var requestLogging = app.Services.GetRequiredService<RequestLogging>();
        app.Use(requestLogging.InvokeAsync);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.Equals(GraphEndpoint.Prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(GraphEndpoint.Prefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                return graph.HandleAsync(context);
            }

            if (Tokens.TokenEndpoint.Matches(path))
            {
                return Tokens.TokenEndpoint.HandleAsync(context, tokens, options.Time);
            }

            if (TeamsWebhook.Matches(path))
            {
                return teams.HandleAsync(context);
            }

            if (AcsEmail.Matches(path))
            {
                return acs.HandleAsync(context);
            }

            if (ControlRoutes.Matches(path))
            {
                return control.HandleAsync(context);
            }

            if (path == "/")
            {
                context.Response.Redirect("/standin");
                return Task.CompletedTask;
            }

            return Problems.WriteAsync(context, 404, "Not found", $"The stand-in has no route {context.Request.Path}: Graph is under /v1.0, the control routes under /standin.");
        });

        await app.StartAsync(cancellationToken);
        return new StandInServer(app, state, notifications, stateFile, certificate, services, options.TeamsSignature);
    }

    /// <summary>The state document <c>GET /standin/state</c> answers.</summary>
    public JsonObject Snapshot()
    {
        lock (_state.Gate)
        {
            return StateSnapshot.Build(_state);
        }
    }

    /// <summary>Waits until the program is asked to stop (Ctrl+C, SIGTERM).</summary>
    internal Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _notifications.DisposeAsync();
        if (_stateFile is not null)
        {
            await _stateFile.DisposeAsync();
        }

        await _app.DisposeAsync();
        _certificate?.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void AddUser(StandInState state, DirectoryUser user)
    {
        if (state.FindUser(user.Id) is null && state.FindUser(user.Mail) is null)
        {
            state.Data.Users.Add(user);
            state.MarkChanged();
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_state.Gate)
        {
            return read();
        }
    }

    private sealed record Services(MailStore Store, InboxDelivery Delivery, LifecycleEvents Lifecycle, TokenIssuer Tokens);
}
