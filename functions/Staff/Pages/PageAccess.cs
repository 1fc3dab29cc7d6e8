using Microsoft.AspNetCore.Mvc;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>The answer to "may this request see or post this page": the visit, or what to answer instead.</summary>
public sealed record PageAccess(PageVisit? Visit, IActionResult? Refusal);
