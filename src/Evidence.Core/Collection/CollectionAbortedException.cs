namespace Evidence.Core.Collection;

/// <summary>A failure that stops the whole collection, such as expired credentials. The run is left incomplete.</summary>
public sealed class CollectionAbortedException : Exception
{
    public CollectionAbortedException()
    {
    }

    public CollectionAbortedException(string message)
        : base(message)
    {
    }

    public CollectionAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The cloud rejected the credentials: say which service and how to fix it, once.</summary>
    public static CollectionAbortedException Credentials(string service, string detail) =>
        new($"{service} rejected the credentials ({detail}); refresh them (for example 'aws sso login' or 'az login') and collect again");
}
