namespace OnePointEntry.Functions.Form;

/// <summary>
/// The page's stylesheet and script, embedded in the app and written inline into the page, so the form
/// needs no second request and nothing from another site.
/// </summary>
public static class FormAssets
{
    private static readonly Lazy<string> s_style = new(() => Read("form.css"));
    private static readonly Lazy<string> s_script = new(() => Read("form.js"));

    public static string Style => s_style.Value;

    public static string Script => s_script.Value;

    private static string Read(string fileName)
    {
        var name = $"OnePointEntry.Functions.Form.Assets.{fileName}";
        using var stream = typeof(FormAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The form asset '{name}' is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // Written inside <style> and <script>; a closing tag in the file would end the element early.
        return text.Contains("</", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"The form asset '{name}' must not contain '</'.")
            : text;
    }
}
