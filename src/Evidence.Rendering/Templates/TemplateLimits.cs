namespace Evidence.Rendering.Templates;

/// <summary>
/// What a template may spend: iterations of one loop, depth of nested calls and includes, characters
/// of output, and time. A template that exceeds one stops with an error naming where it was.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>Iterations of any one loop; large enough for an evidence index of a few hundred thousand files.</summary>
    public int LoopLimit { get; init; } = 500_000;

    /// <summary>Depth of nested function calls and includes.</summary>
    public int RecursiveLimit { get; init; } = 64;

    /// <summary>Characters a template may write (failing-resource rows are not written by templates, so this is generous).</summary>
    public int OutputLimit { get; init; } = 64 * 1024 * 1024;


    /// <summary>Wall-clock time a template may take to render.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public static TemplateLimits Default { get; } = new();
}
