namespace Evidence.Core.Store;

/// <summary>Why a query could not be answered.</summary>
public sealed record ItemError(string Code, string Message);
