using System.Runtime.CompilerServices;
using System.Text;

namespace OnePointEntry.Tool.Tests;

internal static class CodePages
{
    /// <summary>
    /// MimeKit resolves a charset once and remembers it; the sample mail tests build MimeKit objects themselves,
    /// in any order with the commands', so the code pages (GB2312) are registered before the first test runs, as
    /// MailParser does in the tool.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test assembly: registers the code pages before any MimeKit use.")]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
