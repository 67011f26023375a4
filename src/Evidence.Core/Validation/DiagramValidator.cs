using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>
/// Each diagram the plan shows can be embedded: its file is a PNG or JPEG inside the workspace, of a sensible
/// size (<see cref="WorkspaceImage"/>), named once, and it has alternative text for readers who cannot see it.
/// </summary>
internal sealed class DiagramValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var diagrams = loaded.Workspace!.Diagrams;
        foreach (var diagram in diagrams)
        {
            if (WorkspaceImage.Read(loaded.Root, diagram.File.Value, out var problem) is null)
            {
                yield return Problems.Error(diagram.File.Location, $"diagram '{diagram.File.Value}' {problem}");
            }

            if (string.IsNullOrWhiteSpace(diagram.Alt.Value))
            {
                yield return Problems.Error(diagram.Alt.Location,
                    $"diagram '{diagram.Title}' has no alternative text; write in 'alt' what the diagram shows, for readers who cannot see it");
            }
        }

        foreach (var problem in Problems.Duplicates(
            diagrams, d => d.File.Value, d => d.File.Location, (d, first) => $"diagram '{d.File.Value}' is listed twice (first at line {first.Line}); list each diagram once"))
        {
            yield return problem;
        }
    }
}
