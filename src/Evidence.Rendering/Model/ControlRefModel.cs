namespace Evidence.Rendering.Model;

/// <summary>A pointer to a control: its citation, title and heading anchor.</summary>
public sealed record ControlRefModel(string Id, string Title, string Anchor);
