namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>The workspace's stylesheet, embedded in the app and written inline into each page with the response's nonce.</summary>
public static class WorkspaceAssets
{
    private static readonly Lazy<string> s_style = new(() => Read("workspace.css"));

    public static string Style => s_style.Value;

    private static string Read(string fileName)
    {
        var name = $"OnePointEntry.Functions.Staff.Pages.Assets.{fileName}";
        using var stream = typeof(WorkspaceAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The workspace asset '{name}' is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // Written inside <style>; a closing tag in the file would end the element early.
        return text.Contains("</", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"The workspace asset '{name}' must not contain '</'.")
            : text;
    }
}
