using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Microsoft365StandIn.State;

/// <summary>Ids shaped like Exchange's and Graph's: opaque, URL-safe, unique across restarts.</summary>
internal static class Ids
{
    /// <summary>A prefix (<c>AAMkAD</c> for Exchange items) and 24 random bytes in base64url, ending as Exchange's do.</summary>
    public static string New(string prefix) => $"{prefix}{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24))}AAA=";

    /// <summary>A Planner-style id: 28 URL-safe characters.</summary>
    public static string Planner() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(21));

    /// <summary>A user's object id derived from the address, so the same address always has the same id.</summary>
    public static string ObjectIdFor(string address) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToUpperInvariant()))[..16]).ToString();
}
