namespace Evidence.Rendering.Model;

/// <summary>Why a query could not be answered, as the cloud said it (redacted).</summary>
public sealed record ErrorModel(string Code, string Message);
