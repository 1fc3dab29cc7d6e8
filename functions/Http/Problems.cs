using Microsoft.AspNetCore.Http;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Http;

/// <summary>The problem answers of the HTTP functions, each with a stable type a client can branch on.</summary>
public static class Problems
{
    private const string ContentType = "application/problem+json; charset=utf-8";
    private const string TypePrefix = "urn:onepointentry:problem:";

    public static JsonResponse InvalidFields(IReadOnlyDictionary<string, string[]> errors) => Create(
        StatusCodes.Status400BadRequest, "invalid-fields", "Some fields are invalid.",
        "Correct the fields listed under 'errors' and send the enquiry again. Nothing was stored.", errors);

    public static JsonResponse MalformedBody(string detail) => Create(
        StatusCodes.Status400BadRequest, "malformed-body", "The request body could not be read.", detail);

    public static JsonResponse BodyTooLarge(long? limit) => Create(
        StatusCodes.Status413PayloadTooLarge, "body-too-large", "The request body is too large.",
        limit is null ? "Nothing was stored." : $"The body may be at most {limit} bytes. Nothing was stored.");

    public static JsonResponse UnsupportedMediaType(string? contentType, string accepted = "application/json or application/x-www-form-urlencoded") => Create(
        StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The content type is not supported.",
        $"Send {accepted}{(string.IsNullOrEmpty(contentType) ? " (no Content-Type was given)" : string.Empty)}.");

    public static JsonResponse InvalidValidationToken(int limit) => Create(
        StatusCodes.Status400BadRequest, "invalid-validation-token", "The validation token is too long.",
        $"A subscription validation token is at most {limit} characters.");

    public static JsonResponse IdempotencyKeyReused() => Create(
        StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "The Idempotency-Key was used for a different enquiry.",
        "Use a new Idempotency-Key for a new enquiry. Nothing was stored.");

    public static JsonResponse InvalidReference() => Create(
        StatusCodes.Status400BadRequest, "invalid-reference", "That is not an enquiry reference.",
        "A reference looks like OPE-2611-7K3F.");

    public static JsonResponse InvalidStatisticsPeriod() => Create(
        StatusCodes.Status400BadRequest, "invalid-statistics-period", "That is not a statistics period.",
        "A period is a year (2026) or a month (2026-10).");

    public static JsonResponse UnknownStatisticsFormat(string? format) => Create(
        StatusCodes.Status400BadRequest, "unknown-statistics-format", "That format is not offered.",
        $"format '{format}' is not one of: json, html, png.");

    public static JsonResponse EnquiryNotFound() => Create(
        StatusCodes.Status404NotFound, "enquiry-not-found", "There is no enquiry with that reference.", null);

    public static JsonResponse StatusChangeNotAllowed(EnquiryStatus from, EnquiryStatus to, IReadOnlyList<EnquiryStatus> allowed) => Create(
        StatusCodes.Status409Conflict, "status-change-not-allowed", "That status change is not allowed.",
        $"An enquiry that is {from} cannot become {to}. Allowed next: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}.");

    public static JsonResponse VisitDateMissing() => Create(
        StatusCodes.Status422UnprocessableEntity, "visit-date-missing", "The visit's arrival day is missing.",
        "The enquiry gives no arrival day: send 'visitDate' (yyyy-MM-dd) with the status, so the delegation is counted in the right month.",
        new Dictionary<string, string[]> { ["visitDate"] = ["visitDate is required to schedule this visit."] });

    public static JsonResponse InvalidDeliveryId() => Create(
        StatusCodes.Status400BadRequest, "invalid-delivery-id", "That is not a delivery's id.",
        "A delivery's id is its subject and kind, and the recipient where there is one: OPE-2611-7K3F~Acknowledgement, OPE-2611-7K3F~ScreeningEvent~anna.larsen@example.dk.");

    public static JsonResponse DeliveryNotFound() => Create(
        StatusCodes.Status404NotFound, "delivery-not-found", "There is no delivery with that id.", null);

    public static JsonResponse InvalidCorrections(IReadOnlyDictionary<string, string[]> errors) => Create(
        StatusCodes.Status400BadRequest, "invalid-corrections", "Some corrections cannot be taken.",
        "Correct the values listed under 'errors' and send them again. Nothing was saved.", errors);

    public static JsonResponse VersionRequired() => Create(
        StatusCodes.Status428PreconditionRequired, "version-required", "Say which version you corrected.",
        "Send the ETag of the enquiry you read as If-Match, so that nobody's changes are overwritten unseen. Nothing was saved.");

    public static JsonResponse EnquiryChanged() => Create(
        StatusCodes.Status412PreconditionFailed, "enquiry-changed", "Someone changed the enquiry since you read it.",
        "Nothing was saved. Read the enquiry again (its new ETag is in this answer's ETag header), look at what changed, and send your corrections again.");

    public static JsonResponse InvalidWorklistQuery(IReadOnlyDictionary<string, string[]> errors) => Create(
        StatusCodes.Status400BadRequest, "invalid-query", "Some of the worklist's filters are invalid.",
        "Correct the parameters listed under 'errors'.", errors);

    public static JsonResponse SignInUnavailable() => Unauthorized(Create(
        StatusCodes.Status401Unauthorized, "sign-in-unavailable", "Staff sign-in is not set up on this app.",
        "Staff routes need App Service Authentication with Microsoft Entra ID in front of the app; without it nobody is signed in."));

    public static JsonResponse SignInRequired(string loginPath) => Unauthorized(Create(
        StatusCodes.Status401Unauthorized, "sign-in-required", "Sign in as staff first.",
        $"Sign in with your One-Point Entry account at {loginPath} and send the request with the session it gives."));

    public static JsonResponse RoleRequired(string role) => Create(
        StatusCodes.Status403Forbidden, "role-required", "Your account does not have the role this needs.",
        $"This needs the {role} role; ask the Entra ID administrator to assign it to you.");

    public static JsonResponse SameDelegationNotFound(EnquiryReference other) => Create(
        StatusCodes.Status422UnprocessableEntity, "same-delegation-not-found", "There is no enquiry with that reference to count instead.",
        $"{other} does not exist. Nothing was saved.");

    public static JsonResponse SameDelegationCircular() => Create(
        StatusCodes.Status409Conflict, "same-delegation-circular", "The two enquiries would count each other.",
        "Mark the other enquiry instead, or undo its own mark first: one enquiry of a delegation must count. Nothing was saved.");

    public static JsonResponse ScreenerUnknown() => Create(
        StatusCodes.Status422UnprocessableEntity, "screener-unknown", "Nobody active in the staff directory has that id.",
        "Give an active screener's id (their user principal name, as the staff directory holds it). Nothing was saved.");

    public static JsonResponse ReassignmentNotAllowed(EnquiryStatus status) => Create(
        StatusCodes.Status409Conflict, "reassignment-not-allowed", "There is no screening to give to someone else.",
        $"The enquiry is {status}: a screener can be given the screening while it is Screened, Routed, RoutingFailed or NeedsManualReview (after screening). Nothing was saved.");

    public static JsonResponse ChangedMeanwhile() => Create(
        StatusCodes.Status409Conflict, "changed-meanwhile", "Someone changed the enquiry at the same moment.",
        "Nothing was saved; send the same request again.");

    public static JsonResponse Unavailable(Dependency dependency) => Create(
        StatusCodes.Status503ServiceUnavailable, "temporarily-unavailable", "The service is temporarily unavailable.",
        $"{Describe(dependency)} Nothing was acknowledged; send the same request again shortly.");

    public static JsonResponse Unexpected(string traceId) => Create(
        StatusCodes.Status500InternalServerError, "unexpected-error", "Something went wrong on our side.",
        $"The error was logged with trace id {traceId}.");

    // RFC 9110 asks a 401 to name a scheme; the session comes from App Service Authentication's own sign-in.
    private static JsonResponse Unauthorized(JsonResponse response)
    {
        response.Headers["WWW-Authenticate"] = "Bearer realm=\"One-Point Entry staff\"";
        return response;
    }

    private static string Describe(Dependency dependency) => dependency switch
    {
        Dependency.Storage => "Storage could not be reached.",
        Dependency.MicrosoftGraph => "Microsoft Graph (the shared mailbox, calendars or Planner) could not be reached or refused the request for now.",
        Dependency.Identity => "The app could not get a token for its identity from Microsoft Entra ID.",
        Dependency.MailSending => "Mail could not be sent.",
        Dependency.Teams => "The Teams channel could not be reached.",
        _ => "A service the app depends on could not be reached.",
    };

    private static JsonResponse Create(int status, string type, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, new Problem { Type = TypePrefix + type, Title = title, Status = status, Detail = detail, Errors = errors }, ContentType);
}
