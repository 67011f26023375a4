using Evidence.Core.Files;

namespace Evidence.Rendering.Templates;

/// <summary>
/// The template folders: a workspace's override folder, searched first, then the built-in templates
/// embedded in this assembly. A file in the override folder replaces the built-in of the same name;
/// nothing outside the two is ever read.
/// </summary>
public sealed class TemplateSource
{
    private const string ResourcePrefix = "templates/";
    private static readonly System.Reflection.Assembly Resources = typeof(TemplateSource).Assembly;

    private readonly string? _overrideRoot;
    private readonly string? _overrideDisplay;

    /// <param name="overrideDirectory">A folder of overrides, or null for the built-in templates only.</param>
    /// <param name="overrideDisplay">The folder as the user named it, for error messages.</param>
    public TemplateSource(string? overrideDirectory = null, string? overrideDisplay = null)
    {
        if (overrideDirectory is not null)
        {
            _overrideRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(overrideDirectory));
            _overrideDisplay = (overrideDisplay ?? overrideDirectory).Replace('\\', '/').TrimEnd('/');
        }
    }

    /// <summary>The built-in templates, with no overrides.</summary>
    public static TemplateSource BuiltIn { get; } = new();

    /// <summary>The names of every built-in template.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = Resources.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Where templates are looked for, for messages: "templates-dir, then the built-in templates".</summary>
    public string Describe() => _overrideDisplay is null ? "the built-in templates" : $"{_overrideDisplay}/ or the built-in templates";

    /// <summary>The template of that name, override first; null when there is none (or the name is not acceptable).</summary>
    public TemplateFile? Find(string name)
    {
        if (TemplateNames.Problem(name) is not null)
        {
            return null;
        }

        if (_overrideRoot is not null && OverridePath(name) is { } path)
        {
            return new TemplateFile(name, $"{_overrideDisplay}/{name}", IsOverride: true) { Read = () => File.ReadAllText(path) };
        }

        var resource = ResourcePrefix + name;
        if (!BuiltInNames.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        return new TemplateFile(name, resource, IsOverride: false)
        {
            Read = () =>
            {
                using var stream = Resources.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            },
        };
    }

    /// <summary>
    /// Why the override of <paramref name="name"/> cannot be read: it is there, but a link on the way (a
    /// linked folder as much as a linked file) leads out of the template folder. Null when it can be read or is absent.
    /// </summary>
    public string? Escape(string name)
    {
        if (_overrideRoot is null || TemplateNames.Problem(name) is not null || OverridePath(name) is not null)
        {
            return null;
        }

        var written = Path.Combine(_overrideRoot, name);
        var there = File.Exists(written) || Directory.Exists(written) || new FileInfo(written).LinkTarget is not null;
        return there && ContainedPath.Within(_overrideRoot, name) is null
            ? $"escapes the template folder {_overrideDisplay}/ through a link (it leads to {ContainedPath.Resolve(written) ?? "a loop of links"}); keep templates inside the folder, as files"
            : null;
    }

    private string? OverridePath(string name) =>
        ContainedPath.Within(_overrideRoot!, name) is { } path && File.Exists(path) ? path : null;
}
