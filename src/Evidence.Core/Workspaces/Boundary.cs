namespace Evidence.Core.Workspaces;

/// <summary>
/// What is in scope: a description, and each cloud's part (the AWS accounts, the Azure subscriptions
/// that hold or touch ePHI), as each cloud reads it from <c>boundary.&lt;cloud&gt;</c>.
/// </summary>
public sealed record Boundary(string? Description, IReadOnlyList<CloudBoundary> Clouds)
{
    /// <summary>The part of the boundary of type <typeparamref name="T"/>, or null when the cloud is not in scope.</summary>
    public T? Of<T>()
        where T : CloudBoundary => Clouds.OfType<T>().FirstOrDefault();
}

/// <summary>One cloud's part of the boundary.</summary>
public abstract record CloudBoundary;
