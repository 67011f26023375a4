using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Evidence.Rendering.Templates;

/// <summary>
/// A model object that reports a misspelt field (<c>control.titel</c>) as an error naming the template,
/// line and column, instead of printing nothing.
/// </summary>
/// <remarks>
/// Built with Scriban's import of the type's own static members turned off: this type has none, and looking for
/// them by reflection, once per object, was half the time of turning a 200,000-finding model into template objects.
/// </remarks>
internal sealed class StrictScriptObject(string typeName) : ScriptObject(0, autoImportStaticsFromThisType: false)
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
