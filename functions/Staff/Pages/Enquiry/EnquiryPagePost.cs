using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// A form posted from the enquiry's page, as every action starts from it: the enquiry's reference from the path and
/// the posted fields, or the page that says what is wrong with them instead.
/// </summary>
public sealed record EnquiryPagePost(EnquiryReference Reference, IReadOnlyDictionary<string, StringValues> Form, IActionResult? Refusal);
