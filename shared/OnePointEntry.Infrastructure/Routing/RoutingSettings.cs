using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Routing;

/// <summary>Settings of routing (section <c>Routing</c>).</summary>
public sealed class RoutingSettings
{
    public const string SectionName = "Routing";

    /// <summary>
    /// Where staff open an enquiry, the reference appended: e.g. the app's <c>https://.../api/enquiries/</c>
    /// (<c>Routing__EnquiryLinkBase</c>), linked from the calendar event, the task and the Teams card.
    /// </summary>
    [Required(ErrorMessage = "Routing__EnquiryLinkBase is required: the URL staff open an enquiry at, ending in '/', e.g. https://<app>.azurewebsites.net/api/enquiries/.")]
    public Uri? EnquiryLinkBase { get; set; }
}
