using System.Net;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>What the app answered to a hostile case, and for a 202 the enquiry as read back.</summary>
public sealed record HostileAnswer(HttpStatusCode Status, string? MediaType, string Body, StoredEnquiry? Enquiry);
