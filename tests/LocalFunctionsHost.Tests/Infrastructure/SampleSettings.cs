namespace LocalFunctionsHost.Tests.Infrastructure;

/// <summary>App settings for one run of the sample app, with queue names of its own so that runs never share queues.</summary>
internal sealed class SampleSettings
{
    public SampleSettings()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        InputQueue = prefix + "-in";
        OutputQueue = prefix + "-out";
        FailingQueue = prefix + "-fail";
        TimerQueue = prefix + "-timer";
    }

    public string InputQueue { get; }

    public string OutputQueue { get; }

    public string FailingQueue { get; }

    public string TimerQueue { get; }

    public Dictionary<string, string> Values() => new()
    {
        ["AzureWebJobsStorage"] = Azurite.ConnectionString,
        ["SampleInputQueue"] = InputQueue,
        ["SampleOutputQueue"] = OutputQueue,
        ["SampleFailingQueue"] = FailingQueue,
        ["SampleTimerQueue"] = TimerQueue,
        // Once a year: the timer runs in these tests only when asked through the admin API.
        ["SampleTimerSchedule"] = "0 0 0 1 1 *",
    };
}
