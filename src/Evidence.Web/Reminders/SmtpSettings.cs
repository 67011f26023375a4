namespace Evidence.Web.Reminders;

/// <summary>
/// The mail server reminders are sent through. The password comes from the environment (<c>EVIDENCE_SMTP_PASSWORD</c>),
/// never from a file or a flag, so it is in no shell history and no workspace.
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string From)
{
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Upgrade the connection with STARTTLS before anything is sent (on by default; off only for a relay on this machine).</summary>
    public bool StartTls { get; init; } = true;
}
