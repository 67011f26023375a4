using Evidence.Core.Store;
using Evidence.Rendering.Model;

namespace Evidence.Rendering.Rows;

/// <summary>A column a <c>```rows</c> block may ask for: its name, header, width hint and value.</summary>
internal sealed record RowColumn(string Name, string Header, double Width, Func<ResultRow, string?> Value)
{
    public static IReadOnlyList<RowColumn> All { get; } =
    [
        new("account", "Account", 12, r => r.Account),
        new("region", "Region", 10, r => r.Region),
        new("subscription", "Subscription", 22, r => r.Subscription),
        new("resource_type", "Resource type", 18, r => r.ResourceType),
        new("resource_id", "Resource id", 28, r => r.ResourceId),
        new("compliance", "Compliance", 12, r => r.Compliance),

        // Free text from the cloud: the only column that can carry secrets or personal data.
        new("annotation", "Annotation", 40, r => Redactor.Redact(r.Annotation)),
        new("evaluated_at", "Evaluated", 16, r => r.EvaluatedAt is { } t ? Texts.Instant(t) : null),
    ];

    public static RowColumn? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
