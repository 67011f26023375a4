namespace Evidence.Web;

/// <summary>What <c>evidence serve</c> serves and how: the workspace, the clock, and the limits.</summary>
public sealed class ServeOptions
{
    /// <summary>The workspace folder (holding evidence.yaml).</summary>
    public required string Workspace { get; init; }

    /// <summary>The instant controls are judged at and attestations dated; null for the clock's now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The clock for sign-in links and sessions, and "now" when <see cref="AsOf"/> is not set.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long the file watcher waits for writes to settle before pages are told to update.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>True when the server listens beyond loopback: the dashboard then needs a signed-in owner too.</summary>
    public bool Remote { get; init; }

    /// <summary>OpenID Connect sign-in beside invite links; null when only invite links sign people in.</summary>
    public SignIn.OidcSettings? Oidc { get; init; }

    /// <summary>The roles of evidence.yaml whose people are compliance leads (see every owner, remind, revoke links).</summary>
    public IReadOnlyList<string> LeadRoles { get; init; } = [SignIn.Leads.DefaultRole];

    /// <summary>The mail server reminders go through; null when reminders are only a message to copy.</summary>
    public Reminders.SmtpSettings? Smtp { get; init; }

    /// <summary>The instant "now" means for judging and attesting.</summary>
    internal DateTimeOffset Now => AsOf ?? Time.GetUtcNow();
}
