namespace Evidence.Rendering.Templates;

/// <summary>
/// What a template name may look like: a path relative to the template folders, with '/' between
/// folders. No absolute paths, no '..', no schemes or drives: a template cannot reach any file
/// outside the template folders.
/// </summary>
internal static class TemplateNames
{
    /// <summary>Why <paramref name="name"/> is not an acceptable template name; null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "a template name is needed";
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            return "names a scheme or a drive; a template can only include templates from the template folders";
        }

        if (name[0] is '/' or '\\' || Path.IsPathRooted(name))
        {
            return "is an absolute path; a template can only include templates from the template folders, by a relative name such as 'partials/cover.scriban'";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "uses '\\'; separate folders with '/'";
        }

        var segments = name.Split('/');
        if (segments.Contains(".."))
        {
            return "goes up a folder ('..'); a template can only include templates inside the template folders";
        }

        return segments.Any(s => s.Length == 0 || s == ".") ? "is not a template name (empty or '.' folder)" : null;
    }
}
