namespace Evidence.Rendering.Signing;

/// <summary>A signing key, or a certificate to trust, that cannot be used: the message says which file and why.</summary>
public sealed class SigningException : Exception
{
    public SigningException()
    {
    }

    public SigningException(string message)
        : base(message)
    {
    }

    public SigningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
