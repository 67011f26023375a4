namespace Evidence.Core.Queries;

/// <summary>
/// A query whose answer is rows of inventory rather than evaluations (an advanced query): what the rows
/// mean is said by <see cref="FailWhen"/>, and people know it by its title.
/// </summary>
public interface IRowQuery
{
    string Id { get; }

    string Title { get; }

    /// <summary>What the rows mean: violations (any row fails) or proof of existence (no rows fails).</summary>
    RowAssertion FailWhen { get; }
}
