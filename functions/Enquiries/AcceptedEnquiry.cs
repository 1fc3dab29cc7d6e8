using Microsoft.AspNetCore.Http;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>The <c>202 Accepted</c> answer: the reference to quote and where to follow the enquiry.</summary>
public sealed record AcceptedEnquiry(string Reference, string StatusUrl)
{
    public static JsonResponse Response(EnquiryReference reference)
    {
        var statusUrl = GetEnquiry.PathOf(reference);
        var response = new JsonResponse(StatusCodes.Status202Accepted, new AcceptedEnquiry(reference.ToString(), statusUrl));
        response.Headers["Location"] = statusUrl;
        return response;
    }
}
