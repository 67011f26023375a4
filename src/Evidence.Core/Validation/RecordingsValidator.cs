using Evidence.Core.Collection.Replay;
using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>
/// The workspace's recordings (what <c>evidence collect --offline</c> replays) can be replayed, and every
/// recorded body is a file of <c>recordings/</c>: a replayed body becomes raw evidence in a run and in the
/// binder, so a body path that leads elsewhere (an absolute path, '..', a link) would copy any file into them.
/// </summary>
internal sealed class RecordingsValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var folder = Path.Combine(loaded.Root, RecordingStore.Folder);
        if (!File.Exists(Path.Combine(folder, RecordingStore.IndexFile)))
        {
            return [];
        }

        if (ContainedPath.Within(loaded.Root, RecordingStore.Folder) is null)
        {
            return [Problems.Error(SourceLocation.OfFile(loaded.Display(RecordingStore.Folder)),
                $"escapes the workspace through a link (it leads to {ContainedPath.Resolve(folder) ?? "a loop of links"}); keep the recordings inside the workspace")];
        }

        var shown = loaded.Display($"{RecordingStore.Folder}/{RecordingStore.IndexFile}");
        try
        {
            return [.. RecordingStore.Problems(folder).Select(p => Problems.Error(new SourceLocation(shown, p.Line, 1), p.Problem))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Problems.Error(SourceLocation.OfFile(shown), $"cannot be read ({e.Message})")];
        }
    }
}
