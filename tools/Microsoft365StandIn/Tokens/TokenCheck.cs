namespace Microsoft365StandIn.Tokens;

/// <summary>What the stand-in makes of a request's <c>Authorization</c> header.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}
