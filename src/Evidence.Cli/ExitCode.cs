namespace Evidence.Cli;

/// <summary>
/// Every exit code of the <c>evidence</c> command, in one place. docs/exit-codes.md says the same
/// for people; keep the two in step.
/// </summary>
public enum ExitCode
{
    /// <summary>The command did what was asked; for a gate, every control passed.</summary>
    Success = 0,

    /// <summary><c>evidence check</c> found failures of more than one kind (each kind alone has its own code, 20 to 27).</summary>
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

    /// <summary><c>evidence check</c>: the only failures are non-compliant resources, a query that finds nothing it must, or an owner's word that a control is not in place.</summary>
    CheckNonCompliant = 20,

    /// <summary><c>evidence check</c>: the only failures are queries that could not be (or were never) collected.</summary>
    CheckNotCollected = 21,

    /// <summary><c>evidence check</c>: the only failures are stale evidence or stale documents.</summary>
    CheckStale = 22,

    /// <summary><c>evidence check</c>: the only failures are expected documents that are missing.</summary>
    CheckMissingDocument = 23,

    /// <summary><c>evidence check</c>: the only failures are attestations missing or overdue.</summary>
    CheckAttestationOverdue = 24,

    /// <summary><c>evidence check</c>: the only failures are findings open past their target date.</summary>
    CheckFindingOverdue = 25,

    /// <summary><c>evidence check</c>: the only failures are findings whose risk acceptance has expired.</summary>
    CheckAcceptanceExpired = 26,

    /// <summary><c>evidence check</c>: the only failures are the workspace's validation errors or warnings.</summary>
    CheckValidation = 27,

    /// <summary>
    /// <c>evidence attest</c> (or <c>attest import</c>) was asked to record an attestation by someone who
    /// may not attest the control: not its owner, not in its owning role, not a delegate named in evidence.yaml.
    /// </summary>
    AttestationRefused = 30,

    /// <summary>
    /// <c>evidence attest import</c>: the returned form was changed outside its fields, lost a field, or is
    /// not an Evidence request form at all.
    /// </summary>
    FormAltered = 31,

    /// <summary><c>evidence attest import</c>: the form was issued for another owner, period or system than the one expected.</summary>
    FormMismatch = 32,

    /// <summary><c>evidence attest import</c>: the form is not signed (signature, name or date empty) or a result lacks its comment.</summary>
    FormIncomplete = 33,

    /// <summary><c>evidence scan</c> found personal data (PHI) or a secret; each hit is printed masked.</summary>
    SensitiveDataFound = 40,

    /// <summary>
    /// <c>evidence build</c> or <c>evidence attest request</c> refused: text bound for a document, a form or an
    /// attached evidence copy holds personal data or a secret (each hit is printed masked); <c>--redact</c> replaces them.
    /// </summary>
    SensitiveDataInOutput = 41,

    /// <summary>
    /// <c>evidence serve</c> was asked to listen on an address other than loopback without <c>--allow-remote</c>:
    /// the dashboard and portal stay on this machine unless that is asked for explicitly.
    /// </summary>
    RemoteBindRefused = 42,

    /// <summary><c>evidence serve</c> could not listen on the address and port asked for (in use, or not allowed).</summary>
    CannotListen = 43,

    /// <summary><c>evidence serve remind</c> could not hand one or more reminders to the mail server; the others were sent.</summary>
    ReminderNotSent = 44,

    /// <summary>A bug in Evidence. Please report it with the command line that caused it.</summary>
    InternalError = 70,

    /// <summary>
    /// <c>evidence build</c> was stopped by Ctrl-C (SIGINT) or SIGTERM; it removed every file it had begun or
    /// finished, so the output folder holds what it held before. 130 is the shell's code for a Ctrl-C.
    /// </summary>
    Interrupted = 130,
}
