using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Directories;

/// <summary>How long the worker keeps the staff and partner directories it read (section <c>Directories</c>).</summary>
public sealed class DirectoryCacheSettings
{
    public const string SectionName = "Directories";

    /// <summary>
    /// How long a process screens with the staff and partners it read before reading them again
    /// (<c>Directories__Freshness</c>, default one minute; <c>00:00:00</c> reads them for every enquiry). A change made
    /// with <c>ope seed</c> reaches screening within this time; one made through the same process at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Directories__Freshness must be a time from 00:00:00 to 01:00:00.")]
    public TimeSpan Freshness { get; set; } = TimeSpan.FromMinutes(1);
}
