namespace Microsoft365StandIn.Tokens;

/// <summary>What the stand-in makes of a request's <c>Authorization</c> header.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,

    /// <summary>Signed and current, but for another service (a Graph token sent to ACS, or the other way round).</summary>
    WrongAudience,
}
