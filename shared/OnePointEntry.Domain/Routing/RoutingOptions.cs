namespace OnePointEntry.Routing;

/// <param name="EnquiryLinkBase">Where staff open an enquiry: the reference is appended (e.g. the status endpoint's URL).</param>
public sealed record RoutingOptions(Uri EnquiryLinkBase)
{
    public Uri LinkTo(string reference) => new(EnquiryLinkBase, Uri.EscapeDataString(reference));
}
