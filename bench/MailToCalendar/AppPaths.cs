using System.Reflection;

namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>Where the built host and Function App are, as recorded by this project at build time.</summary>
internal static class AppPaths
{
    public static string HostAssembly => Metadata("HostAssembly");

    public static string AppDirectory => Metadata("AppDirectory");

    /// <summary>Files copied beside the bench (the sample settings, the sample staff, the mails).</summary>
    public static string Beside(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    private static string Metadata(string key)
    {
        var value = typeof(AppPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        var path = Path.GetFullPath(value);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{key} '{path}' does not exist; build the bench in the same configuration (bench/mail-to-calendar.sh does).");
    }
}
