namespace Microsoft365StandIn;

/// <summary>An inline image of a sent mail, referenced from its HTML as <c>cid:{ContentId}</c>; the bytes in base64.</summary>
public sealed record InlineImage(string ContentId, string ContentType, string ContentBytes);
