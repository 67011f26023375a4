namespace Evidence.Rendering.Model;

/// <summary>A file of the evidence, with the SHA-256 recorded for it and its attachment name in the binder (null when not attached).</summary>
public sealed record FileModel(string Path, string Sha256, long Bytes, string? Attachment);
