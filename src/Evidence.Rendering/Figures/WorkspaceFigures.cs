using Evidence.Core.Files;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Figures;

/// <summary>
/// The pictures a document may show: the workspace's diagrams (<c>diagrams:</c> in evidence.yaml) and
/// nothing else, so a template cannot put any other file of the disk into a document. Each is read and
/// checked again here (<see cref="WorkspaceImage"/>), once per build.
/// </summary>
public sealed class WorkspaceFigures(string workspaceRoot, IEnumerable<string> diagrams) : IFigureSource
{
    private readonly HashSet<string> allowed = new(diagrams, StringComparer.Ordinal);
    private readonly Dictionary<string, FigureImage> read = new(StringComparer.Ordinal);

    public FigureImage Image(string file, int line)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (read.TryGetValue(file, out var image))
        {
            return image;
        }

        if (!allowed.Contains(file))
        {
            var known = allowed.Count == 0 ? "the workspace lists none" : $"it lists {string.Join(", ", allowed.Order(StringComparer.Ordinal))}";
            throw new MarkdownException(line, $"the image '{file}' is not one of the workspace's diagrams ({known}); a document shows only the files listed under 'diagrams' in evidence.yaml");
        }

        var loaded = WorkspaceImage.Read(workspaceRoot, file, out var problem)
            ?? throw new MarkdownException(line, $"the diagram '{file}' {problem}");
        return read[file] = new FigureImage(file, loaded.Info, loaded.Bytes);
    }
}
