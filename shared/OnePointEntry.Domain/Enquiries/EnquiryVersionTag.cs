using System.Security.Cryptography;
using System.Text;

namespace OnePointEntry.Enquiries;

/// <summary>
/// A short tag for an enquiry's stored version, for people and pages to send back with a change: it changes
/// exactly when the stored enquiry does, and says nothing about how storage names versions.
/// </summary>
public static class EnquiryVersionTag
{
    public static string Of(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)))[..32];
    }
}
