using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Statistics;

/// <summary>Settings of the monthly statistics report (section <c>Statistics</c>).</summary>
public sealed class StatisticsSettings
{
    public const string SectionName = "Statistics";

    /// <summary>
    /// Who gets the report by e-mail, separated by <c>;</c> or <c>,</c> (<c>Statistics__ReportRecipients</c>):
    /// management, the team's shared address.
    /// </summary>
    [Required(ErrorMessage = "Statistics__ReportRecipients is required: the e-mail addresses the monthly statistics report goes to, separated by ';'.")]
    public string? ReportRecipients { get; set; }

    /// <summary>The addresses of <see cref="ReportRecipients"/>, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> Recipients =>
        ReportRecipients?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
