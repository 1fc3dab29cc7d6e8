using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OnePointEntry.Enquiries;

/// <summary>Hashes that recognise a repeated submission without keeping what was submitted.</summary>
public static class SubmissionFingerprint
{
    private static readonly JsonSerializerOptions s_canonical = new(JsonSerializerDefaults.General) { WriteIndented = false };

    /// <summary>
    /// The fingerprint of a validated submission. Taken after validation, so the same form posted as JSON or
    /// form-urlencoded, with other whitespace or themes in another order, has the same fingerprint.
    /// </summary>
    public static string Of(EnquirySubmission submission) => Hash(JsonSerializer.Serialize(submission, s_canonical));

    public static string OfIdempotencyKey(string key) => Hash("idempotency-key\n" + key);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
