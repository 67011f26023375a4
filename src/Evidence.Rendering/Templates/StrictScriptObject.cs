using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Evidence.Rendering.Templates;

/// <summary>
/// A model object that reports a misspelt field (<c>control.titel</c>) as an error naming the template,
/// line and column, instead of printing nothing.
/// </summary>
internal sealed class StrictScriptObject(string typeName) : ScriptObject
{
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value))
        {
            return true;
        }

        var fields = string.Join(", ", Keys.Order(StringComparer.Ordinal));
        throw new ScriptRuntimeException(span, $"'{member}' is not a field of {typeName}; its fields are: {fields}");
    }
}
