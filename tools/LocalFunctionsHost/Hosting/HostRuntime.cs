using System.Globalization;
using LocalFunctionsHost.Grpc;
using LocalFunctionsHost.Grpc.Messages;
using LocalFunctionsHost.Http;
using LocalFunctionsHost.Invocation;
using LocalFunctionsHost.Queues;
using LocalFunctionsHost.Settings;
using LocalFunctionsHost.Timers;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Hosting;

/// <summary>
/// The host's life: start the worker, run the handshake (StartStream, WorkerInitRequest,
/// FunctionsMetadataRequest, a FunctionLoadRequest per function), open the triggers, then wait
/// for a stop signal or the worker's exit, and shut down in order.
/// </summary>
internal sealed class HostRuntime(
    IServiceProvider services,
    AppLocation app,
    AppSettings settings,
    HostJsonSettings hostJson,
    WorkerChannel channel,
    WorkerProcess worker,
    WorkerCapabilities capabilities,
    FunctionCatalog catalog,
    FunctionEndpointDataSource endpoints,
    HttpTriggerHandler httpHandler,
    TriggerListeners listeners,
    FunctionKeys keys,
    TimeProvider timeProvider,
    ILogger<HostRuntime> logger)
{
    public const string HostVersion = "4.1000.0";

    // The product's staff page, which is what the local sign-in is for; any local path works in its place.
    private const string SignInLink = "/.auth/login/aad?post_login_redirect_uri=/api/workspace";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SignalRaceWindow = TimeSpan.FromMilliseconds(500);

    public async Task<int> RunAsync(DateTimeOffset processStartedAt, int grpcPort, Uri httpBase, CancellationToken shutdown)
    {
        ArgumentNullException.ThrowIfNull(httpBase);
        var publicUrl = httpBase.ToString().TrimEnd('/');
        HostLog.Listening(logger, publicUrl, grpcPort);
        worker.Start(new Uri($"http://127.0.0.1:{grpcPort}/"), Guid.NewGuid().ToString());

        IReadOnlyList<FunctionDefinition> loaded;
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
            startup.CancelAfter(StartTimeout);
            loaded = await HandshakeAsync(startup.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException or WorkerExitedException)
        {
            var error = ex switch
            {
                WorkerExitedException exited => $"the worker process exited with code {exited.ExitCode} before it was ready.",
                OperationCanceledException when shutdown.IsCancellationRequested => "stopped while starting.",
                OperationCanceledException => $"the worker did not complete the handshake within {StartTimeout.TotalSeconds} s.",
                _ => ex.Message,
            };
            HostLog.StartFailed(logger, error);
            await StopWorkerAsync();
            return shutdown.IsCancellationRequested ? 0 : 1;
        }

        var loadedAt = timeProvider.GetUtcNow();
        catalog.Set(loaded);
        endpoints.SetFunctions(loaded, hostJson.RoutePrefix, httpHandler.For);
        using var stopListeners = new CancellationTokenSource();
        var running = StartListeners(loaded, stopListeners.Token);

        var toStream = ((channel.StartedAt ?? loadedAt) - worker.StartedAt).TotalMilliseconds;
        var toLoaded = (loadedAt - worker.StartedAt).TotalMilliseconds;
        var ready = (timeProvider.GetUtcNow() - processStartedAt).TotalMilliseconds;
        HostLog.WorkerTimings(logger, toStream, loaded.Count, toLoaded);
        HostLog.Ready(logger, ready);
        ListFunctions(loaded, httpBase);

        var exitCode = 0;
        var stopped = await Task.WhenAny(worker.Exited, Task.Delay(Timeout.Infinite, shutdown).ContinueWith(_ => 0, TaskScheduler.Default));
        if (stopped == worker.Exited)
        {
            // Ctrl+C in a terminal reaches the worker too; only an exit without a stop signal is a crash.
            await Task.WhenAny(Task.Delay(SignalRaceWindow, timeProvider, shutdown));
            if (!shutdown.IsCancellationRequested)
            {
                var crashCode = await worker.Exited;
                HostLog.WorkerCrashed(logger, worker.Id, crashCode);
                exitCode = 1;
            }
        }

        await stopListeners.CancelAsync();
        await Task.WhenAll(running);
        if (exitCode == 0)
        {
            await StopWorkerAsync();
        }

        return exitCode;
    }

    private async Task<IReadOnlyList<FunctionDefinition>> HandshakeAsync(CancellationToken cancellationToken)
    {
        await WorkerStepAsync(channel.Started, cancellationToken);
        var init = await WorkerStepAsync(channel.InitializeAsync(
            new WorkerInitRequest
            {
                HostVersion = HostVersion,
                FunctionAppDirectory = app.Directory,
                WorkerDirectory = app.Directory,
            },
            cancellationToken), cancellationToken);
        if (init.Result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"the worker failed to initialise: {Describe(init.Result)}");
        }

        capabilities.Set(init.Capabilities);
        var metadata = await WorkerStepAsync(channel.GetMetadataAsync(app.Directory, cancellationToken), cancellationToken);
        if (metadata.Result is { } result && result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"the worker failed to index its functions: {Describe(result)}");
        }

        if (metadata.UseDefaultMetadataIndexing && metadata.FunctionMetadataResults.Count == 0)
        {
            throw new InvalidOperationException("the worker asked for host indexing (functions.metadata), which this host does not do; build the app with worker indexing (the Worker.Sdk default).");
        }

        var definitions = metadata.FunctionMetadataResults.Select(FunctionDefinition.FromMetadata).ToList();
        var responses = await WorkerStepAsync(
            Task.WhenAll(definitions.Select(d => channel.LoadAsync(new FunctionLoadRequest { FunctionId = d.Id, Metadata = d.Metadata }, cancellationToken))),
            cancellationToken);
        var loaded = new List<FunctionDefinition>();
        foreach (var (definition, response) in definitions.Zip(responses))
        {
            if (response.Result?.Status == StatusResult.Types.Status.Success)
            {
                loaded.Add(definition);
            }
            else
            {
                var error = Describe(response.Result);
                HostLog.LoadFailed(logger, definition.Name, error);
            }
        }

        return loaded;
    }

    /// <summary>Awaits a handshake step, failing fast with the exit code if the worker dies meanwhile.</summary>
    private async Task<T> WorkerStepAsync<T>(Task<T> step, CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(step, worker.Exited).WaitAsync(cancellationToken);
        if (first != step && !step.IsCompleted)
        {
            throw new WorkerExitedException(await worker.Exited);
        }

        return await step;
    }

    private List<Task> StartListeners(IReadOnlyList<FunctionDefinition> functions, CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        var timeZone = new Lazy<TimeZoneInfo>(() => AppTimeZone.Resolve(settings));
        foreach (var function in functions.Where(f => f.Trigger is not null && !f.IsHttp))
        {
            // A disabled function's listener is made but not started, so the admin API still runs it with
            // the trigger's own payload, as on the real host.
            var disabled = settings.IsFunctionDisabled(function.Name);
            if (disabled)
            {
                HostLog.FunctionDisabled(logger, function.Name);
            }

            var trigger = function.Trigger!;
            try
            {
                if (trigger.Is("queueTrigger"))
                {
                    var queueName = settings.Resolve(trigger.GetString("queueName") ?? throw new InvalidOperationException("the trigger has no queueName."));
                    // Fails here, with the setting's name, rather than on every poll.
                    _ = settings.GetStorageConnectionString(trigger.GetString("connection"));
                    var listener = ActivatorUtilities.CreateInstance<QueueListener>(
                        services, function, queueName.ToLowerInvariant(), (object?)trigger.GetString("connection") ?? string.Empty, hostJson.Queues);
                    listeners.Queues[function.Name] = listener;
                    if (!disabled)
                    {
                        running.Add(Guard(function.Name, () => listener.RunAsync(cancellationToken)));
                    }
                }
                else if (trigger.Is("timerTrigger"))
                {
                    var schedule = CronSchedule.Parse(
                        settings.Resolve(trigger.GetString("schedule") ?? throw new InvalidOperationException("the trigger has no schedule.")),
                        timeZone.Value);
                    var listener = ActivatorUtilities.CreateInstance<TimerListener>(services, function, schedule, trigger.GetBool("runOnStartup"));
                    listeners.Timers[function.Name] = listener;
                    if (!disabled)
                    {
                        running.Add(Guard(function.Name, () => listener.RunAsync(cancellationToken)));
                    }
                }
                else
                {
                    HostLog.UnsupportedTrigger(logger, function.Name, trigger.Type);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or Cronos.CronFormatException)
            {
                HostLog.ListenerFailed(logger, function.Name, ex.Message);
            }
        }

        return running;
    }

    /// <summary>Runs a listener so that its failure is reported instead of ending the host.</summary>
    private Task Guard(string functionName, Func<Task> listener) => Task.Run(async () =>
    {
        try
        {
            await listener();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HostLog.ListenerStopped(logger, ex, functionName);
        }
    }, CancellationToken.None);

    private void ListFunctions(IReadOnlyList<FunctionDefinition> functions, Uri httpBase)
    {
        if (functions.Count == 0)
        {
            HostLog.NoFunctions(logger);
        }
        else
        {
            HostLog.FunctionsHeader(logger);
        }

        foreach (var function in functions)
        {
            string description;
            if (function.IsHttp)
            {
                var methods = FunctionEndpointDataSource.Methods(function);
                description = string.Create(CultureInfo.InvariantCulture,
                    $"[{(methods.Count == 0 ? "ANY" : string.Join(",", methods))}] {httpBase.ToString().TrimEnd('/')}/{FunctionEndpointDataSource.RouteTemplate(function, hostJson.RoutePrefix)} ({function.Trigger!.GetString("authLevel") ?? "function"})");
            }
            else if (listeners.Queues.TryGetValue(function.Name, out var queue))
            {
                description = $"queueTrigger on '{queue.QueueName}' (poison: '{queue.PoisonQueueName}')";
            }
            else if (listeners.Timers.TryGetValue(function.Name, out var timer))
            {
                description = $"timerTrigger '{timer.Schedule.Text}' ({timer.Schedule.TimeZone.Id})";
            }
            else
            {
                description = function.Trigger?.Type ?? "no trigger";
            }

            HostLog.Function(logger, function.Name, description);
        }

        HostLog.FunctionKey(logger, keys.FunctionKey, keys.Generated ? "  (generated for this run)" : string.Empty);
        if (keys.MasterKey != keys.FunctionKey)
        {
            HostLog.MasterKey(logger, keys.MasterKey);
        }

        if (services.GetService<LocalSignInUser>() is { } user)
        {
            // Printed, not logged: it names the user, and logs may be kept or shared.
            var who = user.DisplayName == user.Email ? user.Email : $"{user.DisplayName} <{user.Email}>";
            Console.Out.WriteLine($"Local sign-in is on (App Service Authentication played by this host) as {who}, roles {string.Join(", ", user.Roles)}.");
            Console.Out.WriteLine($"Sign in: {httpBase.ToString().TrimEnd('/')}{SignInLink}");
        }
    }

    private async Task StopWorkerAsync()
    {
        if (!worker.Exited.IsCompleted)
        {
            HostLog.Stopping(logger);
            await channel.TerminateAsync(TerminateGrace);
            await worker.StopAsync(TerminateGrace + TimeSpan.FromSeconds(1));
        }

        var exitCode = await worker.Exited;
        HostLog.Stopped(logger, exitCode);
    }

    private static string Describe(StatusResult? result) =>
        result?.Exception is { } e ? $"{e.Type}: {e.Message}" : result?.Result is { Length: > 0 } text ? text : "no details";
}
