namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// A request the fake Azure server received, as it understood it: the scope (<c>/subscriptions/{id}</c> or
/// <c>/providers/Microsoft.Management/managementGroups/{name}</c>), the filter, the page size asked for
/// and the offset its skip token points at. <see cref="Status"/> is what it answered (0: the connection was dropped).
/// </summary>
public sealed record FakeAzureRequest(int Number, string Method, string PathAndQuery, string? Scope, string? Filter, int? Top, int Offset, string? Authorization)
{
    public int Status { get; init; }

    public bool IsFirstPage => Offset == 0;
}
