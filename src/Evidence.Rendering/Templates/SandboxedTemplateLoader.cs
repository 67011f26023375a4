using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Evidence.Rendering.Templates;

/// <summary>
/// Resolves <c>include</c> for templates: only names inside the template folders, override first,
/// then built-in. Anything else (an absolute path, '..', a scheme) is an error at the include.
/// </summary>
internal sealed class SandboxedTemplateLoader(TemplateSource source) : ITemplateLoader
{
    private readonly Dictionary<string, TemplateFile> _byPath = new(StringComparer.Ordinal);

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (TemplateNames.Problem(templateName) is { } problem)
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' {problem}");
        }

        if (source.Escape(templateName) is { } escape)
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' {escape}");
        }

        var file = source.Find(templateName)
            ?? throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': there is no such template in {source.Describe()}");

        // The path is what Scriban names the included template by in errors, so it is the file as the user knows it.
        _byPath[file.DisplayPath] = file;
        return file.DisplayPath;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        _byPath.TryGetValue(templatePath, out var file)
            ? file.Read()
            : throw new ScriptRuntimeException(callerSpan, $"include '{templatePath}': there is no such template in {source.Describe()}");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));
}
