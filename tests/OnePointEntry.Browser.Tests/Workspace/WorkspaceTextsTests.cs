using System.Runtime.Loader;
using System.Text.Json;
using OnePointEntry.EndToEnd.Tests;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>The workspace's texts as the built app embeds them: every text in Danish and in English, none empty.</summary>
public sealed class WorkspaceTextsTests
{
    [Fact]
    public void Every_workspace_text_exists_in_danish_and_english()
    {
        var context = new AssemblyLoadContext(nameof(WorkspaceTextsTests), isCollectible: true);
        try
        {
            // Only the resources are read, so none of the app's dependencies is loaded.
            var app = context.LoadFromAssemblyPath(Path.Combine(AppPaths.AppDirectory, "OnePointEntry.Functions.dll"));
            Dictionary<string, string> Texts(string language)
            {
                using var stream = app.GetManifestResourceStream($"OnePointEntry.Functions.Staff.Pages.Texts.{language}.json");
                Assert.NotNull(stream);
                return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
            }

            var danish = Texts("da");
            var english = Texts("en");

            Assert.Empty(danish.Keys.Except(english.Keys));
            Assert.Empty(english.Keys.Except(danish.Keys));
            Assert.DoesNotContain(danish.Concat(english), text => string.IsNullOrWhiteSpace(text.Value));
            Assert.NotNull(app.GetManifestResourceStream("OnePointEntry.Functions.Staff.Pages.Assets.workspace.css"));
        }
        finally
        {
            context.Unload();
        }
    }
}
