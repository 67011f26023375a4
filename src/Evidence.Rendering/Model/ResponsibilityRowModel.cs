namespace Evidence.Rendering.Model;

/// <summary>One citation of the matrix: who carries it, what each side does, and the sources by number.</summary>
public sealed record ResponsibilityRowModel
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The control's heading anchor.</summary>
    public required string Anchor { get; init; }

    /// <summary><c>inherited</c>, <c>shared</c> or <c>customer</c>.</summary>
    public required string Split { get; init; }

    /// <summary>"Inherited", "Shared" or "Customer".</summary>
    public required string SplitText { get; init; }

    /// <summary>What the provider covers; "Nothing" when the customer carries it alone.</summary>
    public required string Provider { get; init; }

    public required string Customer { get; init; }

    /// <summary>The sources' numbers in <see cref="ResponsibilityModel.Sources"/>, such as "1, 3".</summary>
    public required string SourceNumbers { get; init; }
}
