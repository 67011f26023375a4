namespace Evidence.Core.Scanning;

/// <summary>An allowed value, given as itself or as the lowercase hex SHA-256 of its UTF-8 bytes, and why it is allowed.</summary>
public sealed record AllowedValue(string? Value, string? Sha256, string Reason);
