namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>The JSON of <c>GET /api/staff/me</c>.</summary>
public sealed record SignedInStaffView(string Name, string DisplayName, IReadOnlyList<string> Roles);
