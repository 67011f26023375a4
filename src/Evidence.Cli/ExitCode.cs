namespace Evidence.Cli;

/// <summary>
/// Every exit code of the <c>evidence</c> command, in one place. docs/exit-codes.md says the same
/// for people; keep the two in step.
/// </summary>
public enum ExitCode
{
    /// <summary>The command did what was asked; for a gate, every control passed.</summary>
    Success = 0,

    /// <summary>A gate found controls that are not satisfied.</summary>
    ControlsNotSatisfied = 1,

    /// <summary>The command line is wrong: unknown option, missing argument, bad value.</summary>
    Usage = 2,

    /// <summary>The workspace's YAML is invalid: syntax, unknown keys, wrong types, broken references.</summary>
    WorkspaceInvalid = 3,

    /// <summary>The evidence store is invalid: a malformed manifest or a file whose hash does not match.</summary>
    EvidenceInvalid = 4,

    /// <summary>The control catalog is invalid (a custom catalog, or a damaged installation).</summary>
    CatalogInvalid = 5,

    /// <summary>A file could not be read or written (permissions, disk full, target exists).</summary>
    IoError = 6,

    /// <summary>A template could not be rendered: syntax error, unknown variable, include outside the template folders, a limit reached.</summary>
    TemplateInvalid = 7,

    /// <summary>
    /// <c>evidence collect</c> stopped before the end (rejected credentials, an unreachable endpoint,
    /// Ctrl-C): the run is marked incomplete and keeps what was fetched.
    /// </summary>
    CollectionIncomplete = 8,

    /// <summary>
    /// <c>evidence collect</c> could get no credentials before it started (none configured, or the
    /// identity provider refused them); no run was written.
    /// </summary>
    CredentialsUnavailable = 9,

    /// <summary>A bug in Evidence. Please report it with the command line that caused it.</summary>
    InternalError = 70,

    /// <summary>
    /// <c>evidence build</c> was stopped by Ctrl-C (SIGINT) or SIGTERM; it removed every file it had begun or
    /// finished, so the output folder holds what it held before. 130 is the shell's code for a Ctrl-C.
    /// </summary>
    Interrupted = 130,
}
