using Microsoft.AspNetCore.Mvc;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>
/// The answer to "may this request act as staff on this enquiry": the signed-in member and the enquiry's reference,
/// or what to answer instead (401/403 for the sign-in, 400 for a reference that is none).
/// </summary>
public sealed record StaffEnquiryAccess(SignedInStaff? Staff, EnquiryReference Reference, IActionResult? Refusal)
{
    /// <summary>The signed-in member; only when <see cref="Refusal"/> is null.</summary>
    public SignedInStaff Member => Staff ?? throw new InvalidOperationException("The request was refused: answer with its refusal.");
}
