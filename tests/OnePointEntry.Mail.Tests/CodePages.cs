using System.Runtime.CompilerServices;
using System.Text;

namespace OnePointEntry.Mail.Tests;

internal static class CodePages
{
    /// <summary>
    /// MimeKit resolves a charset once and remembers it; these tests build MimeKit objects themselves, in any
    /// order, so the code pages (GBK, GB18030) are registered before the first test runs, as MailParser does in the app.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test assembly: registers the code pages before any MimeKit use.")]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
