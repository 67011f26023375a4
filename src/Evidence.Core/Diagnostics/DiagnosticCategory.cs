namespace Evidence.Core.Diagnostics;

/// <summary>Which kind of input a diagnostic is about; the CLI maps it to an exit code.</summary>
public enum DiagnosticCategory
{
    /// <summary>The workspace's own YAML: evidence.yaml, overlays, artifacts, attestations.</summary>
    Workspace,

    /// <summary>The control catalog and its mappings.</summary>
    Catalog,

    /// <summary>The evidence store: run manifests, raw files, result rows.</summary>
    Evidence,
}
