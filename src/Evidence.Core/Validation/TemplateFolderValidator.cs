using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>
/// The workspace's template folder (<c>settings.templates</c>) holds its templates itself: no link in it
/// leads out of it. A template reads whatever its folder holds, so a linked folder would let it print any file.
/// </summary>
internal sealed class TemplateFolderValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var settings = loaded.Workspace!.Settings;
        var folder = settings.Templates is null ? null : Path.Combine(loaded.Root, settings.Templates);
        if (folder is null || !Directory.Exists(folder) || ContainedPath.Resolve(folder) is not { } resolvedFolder)
        {
            yield break; // no folder, or one the settings reader already reported
        }

        var workspace = ContainedPath.Resolve(loaded.Root) ?? loaded.Root;
        foreach (var link in FolderEntries.Under(folder).Where(e => e.LinkTarget is not null).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var target = ContainedPath.Resolve(link.FullName);
            if (target is not null && ContainedPath.IsInside(resolvedFolder, target))
            {
                continue;
            }

            var shown = $"{settings.Templates!.TrimEnd('/')}/{Path.GetRelativePath(folder, link.FullName).Replace('\\', '/')}";
            var escapes = target is not null && ContainedPath.IsInside(workspace, target) ? "the template folder" : "the workspace";
            yield return Problems.Error(settings.TemplatesLocation,
                $"'{shown}' escapes {escapes} through a link (it leads to {target ?? "a loop of links"}); keep templates inside the folder, as files");
        }
    }
}
