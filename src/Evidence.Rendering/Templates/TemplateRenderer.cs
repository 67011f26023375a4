using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Evidence.Rendering.Templates;

/// <summary>
/// Renders a template to Markdown in a sandbox: the only values are the model and our helpers, the only
/// files are the template folders, every variable must exist, and loops, recursion, output and time are bounded.
/// </summary>
public sealed class TemplateRenderer(TemplateSource source, TemplateLimits? limits = null)
{
    private readonly TemplateLimits _limits = limits ?? TemplateLimits.Default;

    public TemplateSource Source => source;

    /// <summary>The limits this renderer applies.</summary>
    public TemplateLimits Limits => _limits;

    /// <summary>Renders the template <paramref name="name"/> with <paramref name="globals"/> as its variables.</summary>
    /// <exception cref="TemplateException">The template is missing, invalid, or failed while rendering.</exception>
    public string Render(string name, ScriptObject globals) => RenderWithin(name, globals, CancellationToken.None);

    /// <summary>
    /// Renders as <see cref="Render"/> does, stopping when <paramref name="cancellation"/> is cancelled: the caller's own
    /// deadline (a pipeline that times the whole render) or the user's Ctrl-C. That surfaces as
    /// <see cref="OperationCanceledException"/>; the renderer's own time limit as a <see cref="TemplateException"/>.
    /// </summary>
    internal string RenderWithin(string name, ScriptObject globals, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(globals);
        if (source.Escape(name) is { } escape)
        {
            throw new TemplateException(name, 0, 0, escape);
        }

        var file = source.Find(name)
            ?? throw new TemplateException(name, 0, 0, $"there is no template '{name}' in {source.Describe()}");
        var template = Template.Parse(file.Read(), file.DisplayPath);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw At(first.Span, first.Message);
        }

        using var timeout = new CancellationTokenSource(_limits.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellation);
        var context = CreateContext(stop.Token);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptParserRuntimeException e)
        {
            var first = e.ParserMessages.FirstOrDefault(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw first is null ? At(e.Span, e.OriginalMessage) : At(first.Span, first.Message);
        }
        catch (ScriptAbortException) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellation);
        }
        catch (ScriptAbortException) when (timeout.IsCancellationRequested)
        {
            throw TimedOut(context, file);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw TimedOut(context, file);
        }
        catch (ScriptRuntimeException e) when (IsOutputLimit(e))
        {
            throw At(e.Span, $"the document would be longer than {_limits.OutputLimit:#,0} characters, the most a template may write, so it stops here " +
                             "rather than lose what follows; a value this long (a description, statement or error message) does not belong in a document: " +
                             "shorten it, or keep the long text in an artifact that the document lists");
        }
        catch (ScriptRuntimeException e)
        {
            throw At(e.Span, e.OriginalMessage);
        }
    }

    private TemplateContext CreateContext(CancellationToken cancellation)
    {
        var context = new TemplateContext(Builtins())
        {
            TemplateLoader = new SandboxedTemplateLoader(source),
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedIndexerAccess = false,
            EnableNullIndexer = false,
            LoopLimit = _limits.LoopLimit,
            LoopLimitQueryable = _limits.LoopLimit,
            RecursiveLimit = _limits.RecursiveLimit,
            OutputLimit = _limits.OutputLimit,

            // Scriban's default is to cut the output at the limit and go on, which drops the rest of the document
            // without a word (every control after a very long description, once). A build that cannot be whole fails.
            OnOutputLimit = ScriptLimitBehavior.Throw,

            // Scriban cuts a longer value short with "..." without a word, and an included template's output is such
            // a value: a cut would silently drop evidence from the binder. OutputLimit bounds the size instead, loudly.
            LimitToString = 0,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            CancellationToken = cancellation,
            NewLine = "\n",

            // No .NET object reaches a template, and should one slip in, none of its members is visible.
            MemberFilter = _ => false,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        return context;
    }

    /// <summary>Scriban's builtins without <c>date</c> (it reads the clock), plus our helpers.</summary>
    private static ScriptObject Builtins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("date");
        builtins.Import("md", new Func<object?, string>(TemplateHelpers.Md));
        builtins.Import("cell", new Func<object?, string>(TemplateHelpers.Cell));
        builtins.Import("code", new Func<object?, string>(TemplateHelpers.Code));
        builtins.Import("short", new Func<object?, string>(TemplateHelpers.Short));
        builtins.Import("plural", new Func<object?, string, string>(TemplateHelpers.Plural));
        builtins.Import("number", new Func<object?, string>(TemplateHelpers.Number));
        builtins.Import("bytes", new Func<object?, string>(TemplateHelpers.Bytes));
        builtins.Import("anchor", new Func<object?, string>(TemplateHelpers.Anchor));
        return builtins;
    }

    // Scriban says "Rendered output exceeds OutputLimit `n`"; it has no distinct exception type for it.
    private static bool IsOutputLimit(ScriptRuntimeException e) =>
        e.OriginalMessage.Contains("OutputLimit", StringComparison.Ordinal);

    private static TemplateException At(Scriban.Parsing.SourceSpan span, string message) =>
        new(span.FileName ?? "template", span.Start.Line + 1, span.Start.Column + 1, message);

    private TemplateException TimedOut(TemplateContext context, TemplateFile file)
    {
        var span = context.CurrentNode?.Span;
        var message = $"the template did not finish within {_limits.Timeout.TotalSeconds:0} s; look for a loop that does not end";
        return span is { } s ? At(s, message) : new TemplateException(file.DisplayPath, 0, 0, message);
    }
}
