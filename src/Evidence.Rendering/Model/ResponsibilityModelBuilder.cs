using Evidence.Core.Catalog;
using Evidence.Core.Clouds;
using Evidence.Core.Workspaces;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>Builds the shared-responsibility matrix from the catalog's data, for the clouds in the boundary.</summary>
internal static class ResponsibilityModelBuilder
{
    public static ResponsibilityModel Build(ControlCatalog catalog, Boundary boundary)
    {
        var matrix = catalog.Responsibility;
        var clouds = CloudRegistry.All.Where(c => c.Part(boundary) is not null).Select(c => c.Title).ToList();
        if (matrix.IsEmpty || clouds.Count == 0)
        {
            return new ResponsibilityModel { Clouds = clouds };
        }

        var numbers = matrix.Sources.Select((s, i) => (s.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number, StringComparer.Ordinal);
        var rows = catalog.Controls
            .Select(c => (Control: c, Entry: matrix.For(c.Id)))
            .Where(x => x.Entry is not null)
            .Select(x => new ResponsibilityRowModel
            {
                Id = x.Control.Id,
                Title = x.Control.Title,
                Anchor = Anchors.Control(x.Control.Id),
                Split = Texts.Kebab(x.Entry!.Split),
                SplitText = Texts.Sentence(x.Entry.Split),
                Provider = x.Entry.Provider ?? "Nothing",
                Customer = x.Entry.Customer,
                SourceNumbers = string.Join(", ", x.Entry.Sources.Select(s => numbers.GetValueOrDefault(s.Value)).Where(n => n > 0).Order()),
            })
            .ToList();
        return new ResponsibilityModel
        {
            Clouds = clouds,
            Provenance = matrix.Provenance,
            Sources = matrix.Sources.Select(s => new ResponsibilitySourceModel(numbers[s.Id], s.Title, s.Url)).ToList(),
            Rows = rows,
            Inherited = rows.Count(r => r.Split == "inherited"),
            Shared = rows.Count(r => r.Split == "shared"),
            Customer = rows.Count(r => r.Split == "customer"),
        };
    }
}
