namespace Evidence.Rendering.Templates;

/// <summary>A template found in one of the template folders.</summary>
/// <param name="Name">The name templates use, such as <c>partials/cover.scriban</c>.</param>
/// <param name="DisplayPath">The file as errors name it: the override folder's path, or <c>templates/...</c> for a built-in.</param>
/// <param name="IsOverride">True when the workspace's folder replaced the built-in.</param>
public sealed record TemplateFile(string Name, string DisplayPath, bool IsOverride)
{
    internal Func<string> Read { get; init; } = () => string.Empty;
}
