using Microsoft.AspNetCore.Mvc;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>The answer to "may this request act as staff": the signed-in member, or what to answer instead.</summary>
public sealed record StaffAccess(SignedInStaff? Staff, IActionResult? Refusal)
{
    public static StaffAccess Granted(SignedInStaff staff) => new(staff, null);

    public static StaffAccess Refused(IActionResult refusal) => new(null, refusal);
}
