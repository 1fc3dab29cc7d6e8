using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LocalFunctionsHost.Auth;

/// <summary>
/// The sessions of the local sign-in: random tokens made by this run, so that a client cannot make
/// one up and a restart signs everybody out. A logout ends the session here too, not only in the
/// browser, so that a copied cookie stops working.
/// </summary>
internal sealed class SessionStore
{
    // Kept as hashes: a lookup's timing then says nothing about a valid token.
    private readonly ConcurrentDictionary<string, byte> _sessions = new(StringComparer.Ordinal);

    /// <summary>Starts a session and returns its token, the cookie's value.</summary>
    public string Start()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _sessions[Hash(token)] = 0;
        return token;
    }

    public bool IsValid(string? token) => !string.IsNullOrEmpty(token) && _sessions.ContainsKey(Hash(token));

    public void End(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            _sessions.TryRemove(Hash(token), out _);
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
