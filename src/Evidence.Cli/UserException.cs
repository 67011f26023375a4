namespace Evidence.Cli;

/// <summary>A problem with what the user asked for: reported as one line and an exit code, never a stack trace.</summary>
public sealed class UserException : Exception
{
    private UserException(string message, ExitCode code)
        : base(message) => Code = code;

    public ExitCode Code { get; }

    public static UserException Usage(string message) => new(message, ExitCode.Usage);

    public static UserException Io(string message) => new(message, ExitCode.IoError);

    /// <summary>A template error, already in the form <c>file:line:col: message</c>.</summary>
    public static UserException Template(string message) => new(message, ExitCode.TemplateInvalid);

    /// <summary>A problem in the workspace found after it was loaded (a link changed under a setting, say).</summary>
    public static UserException Workspace(string message) => new(message, ExitCode.WorkspaceInvalid);

    public static UserException Evidence(string message) => new(message, ExitCode.EvidenceInvalid);

    /// <summary>Text bound for a document, a form or an attachment holds personal data or a secret (the hits are already printed).</summary>
    public static UserException SensitiveOutput(string message) => new(message, ExitCode.SensitiveDataInOutput);

    /// <summary>Someone asked to attest a control they may not attest.</summary>
    public static UserException Refused(string message) => new(message, ExitCode.AttestationRefused);

    /// <summary>A returned request form refused on import, with the code that says why (altered, mismatched, incomplete).</summary>
    public static UserException Form(string message, ExitCode code) => new(message, code);

    /// <summary>The user stopped the command (Ctrl-C or SIGTERM) and it undid what it had begun.</summary>
    public static UserException RemoteBindRefused(string message) => new(message, ExitCode.RemoteBindRefused);

    public static UserException CannotListen(string message) => new(message, ExitCode.CannotListen);

    /// <summary>A reminder the mail server did not take (the others were sent and each outcome printed).</summary>
    public static UserException ReminderNotSent(string message) => new(message, ExitCode.ReminderNotSent);

    public static UserException Interrupted(string message) => new(message, ExitCode.Interrupted);
}
