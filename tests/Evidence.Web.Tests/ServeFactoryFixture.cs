namespace Evidence.Web.Tests;

/// <summary>One server over one sample copy for a class of read-only tests.</summary>
public sealed class ServeFactoryFixture : IDisposable
{
    public ServeFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
