using System.Text.Json.Serialization;

namespace OnePointEntry.Scheduling;

/// <summary>A day One-Point Entry's office is closed, and why.</summary>
/// <param name="Date">The calendar day in Denmark.</param>
/// <param name="Name">The Danish name, e.g. <c>2. påskedag</c>.</param>
/// <param name="EnglishName">The English name, e.g. <c>Easter Monday</c>.</param>
/// <param name="Kind">An official public holiday, or a day offices close by custom.</param>
public sealed record DanishHoliday(DateOnly Date, string Name, string EnglishName, ClosureKind Kind);

/// <summary>Why the office is closed on a <see cref="DanishHoliday"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClosureKind>))]
public enum ClosureKind
{
    /// <summary>A public holiday by law (helligdag).</summary>
    PublicHoliday,

    /// <summary>Not a public holiday, but most offices close (Grundlovsdag, juleaftensdag, nytårsaftensdag).</summary>
    CustomaryClosure,
}
