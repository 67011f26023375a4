using Evidence.Rendering.Model;
using Evidence.Rendering.Templates;
using Evidence.Testing;
using Scriban.Runtime;

namespace Evidence.Rendering.Tests.Templates;

public sealed class TemplateSandboxTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Theory]
    [InlineData("/etc/passwd", "is an absolute path")]
    [InlineData("../x", "goes up a folder")]
    [InlineData("partials/../../x", "goes up a folder")]
    [InlineData("file:///etc/passwd", "names a scheme")]
    [InlineData("https://example.org/t.scriban", "names a scheme")]
    [InlineData("C:/Windows/win.ini", "names a scheme or a drive")]
    public void AnIncludeOutsideTheTemplateFoldersFailsNamingTheFileLineAndColumn(string target, string reason)
    {
        Write("main.scriban", $"Title\n\n  {{{{ include '{target}' }}}}\n");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.StartsWith($"{Shown("main.scriban")}:3:6: include '{target}' ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Problem, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void AnIncludeOfATemplateThatDoesNotExistSaysWhereItLooked()
    {
        Write("main.scriban", "{{ include 'partials/nothing.scriban' }}");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.Contains("there is no such template", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Shown("main.scriban")}:1:4:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ file.read '/etc/passwd' }}", "file")]
    [InlineData("{{ date.now }}", "date")]
    [InlineData("{{ system.io.file }}", "system")]
    [InlineData("{{ import 'System.IO.File' }}", "import")]
    public void ThereIsNoWayToReachFilesTheClockOrDotNet(string script, string name)
    {
        Write("main.scriban", script);

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Shown("main.scriban")}:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndlessLoopStopsAtTheLoopLimit()
    {
        Write("main.scriban", "{{ while true }}x{{ end }}");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban", new TemplateLimits { LoopLimit = 1000 }));

        Assert.Contains("loop", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void ALoopThatOutlivesTheTimeoutIsStopped()
    {
        Write("main.scriban", "{{ n = 0 }}{{ while true }}{{ n = n + 1 }}{{ end }}");

        var error = Assert.Throws<TemplateException>(() =>
            Render("main.scriban", new TemplateLimits { LoopLimit = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) }));

        Assert.Contains("did not finish within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepRecursionStopsAtTheRecursionLimit()
    {
        Write("main.scriban", "{{ func down(n)\n  ret down(n + 1)\nend }}{{ down 1 }}");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.Contains("recursive", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(Shown("main.scriban") + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateThatIncludesItselfStopsAtTheRecursionLimit()
    {
        Write("main.scriban", "{{ include 'main.scriban' }}");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.Contains("recursive", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ASyntaxErrorNamesTheFileLineAndColumn()
    {
        Write("main.scriban", "# Title\n\n{{ for c in }}\n");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.Equal(Shown("main.scriban"), error.File);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void ASyntaxErrorInAnIncludedTemplateNamesThatTemplate()
    {
        Write("main.scriban", "{{ include 'partials/broken.scriban' }}");
        Write("partials/broken.scriban", "ok\n{{ if }}\n");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.Equal(Shown("partials/broken.scriban"), error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void AnUndefinedVariableIsAnErrorNotAnEmptyString()
    {
        Write("main.scriban", "Hello {{ sytem.name }}");

        var error = Assert.Throws<TemplateException>(() => Render("main.scriban"));

        Assert.Contains("sytem", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 10), (error.Line, error.Column));
    }

    [Fact]
    public void AMisspeltFieldOfTheModelIsAnErrorThatListsTheFields()
    {
        Write("main.scriban", "{{ system.nmae }}");
        var globals = new ScriptObject();
        globals.SetValue("system", ScriptModel.Convert(new SystemModel { Id = "s", Name = "S", Organization = "O", Description = "D" }), readOnly: true);

        var error = Assert.Throws<TemplateException>(() => new TemplateRenderer(new TemplateSource(_folder.Path, "t")).Render("main.scriban", globals));

        Assert.Contains("'nmae' is not a field of SystemModel", error.Message, StringComparison.Ordinal);
        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObjectThatIsNotPartOfTheModelCannotReachATemplate()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScriptModel.Convert(new FileInfo("/etc/passwd")));

        Assert.Contains("cannot be given to templates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModelReachesTemplatesAsSnakeCaseFields()
    {
        Write("main.scriban", "{{ system.name }} {{ system.multi_tenant }} {{ as_of_text }}");
        var globals = ScriptModel.Globals(SampleBuild.Model);

        var text = new TemplateRenderer(new TemplateSource(_folder.Path, "t")).Render("main.scriban", globals);

        Assert.Equal("Acme Care Coordination Platform true 2026-11-21 09:00 UTC", text);
    }

    [Fact]
    public void AnIncludedTemplateOfAnySizeIsNeverCutShort()
    {
        Write("main.scriban", "{{ include 'partials/long.scriban' }}end");
        Write("partials/long.scriban", "{{ for i in 1..30000 }}0123456789{{ end }}");

        var text = Render("main.scriban");

        Assert.Equal(300_003, text.Length);
        Assert.EndsWith("789end", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpersEscapeTextSoItCannotBecomeMarkdown()
    {
        Write("main.scriban", "{{ '*bold* <!-- pagebreak --> [[toc]] | `x`' | md }}");

        var text = Render("main.scriban");

        Assert.Equal(@"\*bold\* \<\!-- pagebreak --\> \[\[toc\]\] \| \`x\`", text);
    }

    [Fact]
    public void OutputLongerThanTheLimitFailsInsteadOfBeingCutShort()
    {
        // Given a long value followed by what must not be lost
        Write("main.scriban", "# Plan\n\n{{ 'x' | string.pad_right 5000 }}\n\n# Controls\n");

        // When the output limit falls inside the long value
        var error = Assert.Throws<TemplateException>(() => Render("main.scriban", new TemplateLimits { OutputLimit = 1000 }));

        // Then the build stops, saying why, instead of ending in "..."
        Assert.StartsWith($"{Shown("main.scriban")}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("would be longer than 1,000 characters", error.Problem, StringComparison.Ordinal);
    }

    private string Render(string name, TemplateLimits? limits = null) =>
        new TemplateRenderer(new TemplateSource(_folder.Path, "t"), limits).Render(name, new ScriptObject());

    private void Write(string name, string text)
    {
        var path = _folder.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Shown(string name) => $"t/{name}";

    public void Dispose() => _folder.Dispose();
}
