namespace Evidence.Rendering.Model;

/// <summary>
/// Where an item's non-compliant resources are listed. An item that several controls use is listed
/// in full once, under the first of them in citation order; the others link to that table.
/// </summary>
public sealed record FailingRowsModel
{
    public required long Count { get; init; }

    /// <summary>The anchor of the heading above the table, such as <c>rows-20261120t060000z-aws-0434</c>.</summary>
    public required string Anchor { get; init; }

    /// <summary>True for the control under which the table appears.</summary>
    public required bool ShownHere { get; init; }

    /// <summary>The control under which the table appears.</summary>
    public required ControlRefModel ShownIn { get; init; }

    /// <summary>The columns that suit the source: account and region for AWS, subscription for Azure.</summary>
    public required string Columns { get; init; }
}
