using Azure;
using Microsoft.Extensions.Options;

namespace OnePointEntry.Tool.Seeding;

/// <summary>How the commands that use storage tell a set-up problem (exit code 2) from storage failing (1).</summary>
internal static class StorageFailures
{
    /// <summary>Storage is not configured, or local.settings.json cannot be read: nothing was tried.</summary>
    public static bool IsNotConfigured(Exception exception) => exception is OptionsValidationException or InvalidDataException;

    /// <summary>Storage was asked and failed, or could not be reached: the command may have done part of its work.</summary>
    public static bool IsFailure(Exception exception) => exception is RequestFailedException or AggregateException or HttpRequestException;
}
