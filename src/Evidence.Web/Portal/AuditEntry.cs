namespace Evidence.Web.Portal;

/// <summary>One line of the audit log as read back, for the compliance lead's view of activity and reminders.</summary>
internal sealed record AuditEntry(DateTimeOffset At, string? Who, string What, string? Control, string? To)
{
    /// <summary>The entry a line's fields make, or null when it has no action or no instant as Evidence writes them.</summary>
    public static AuditEntry? Of(IReadOnlyDictionary<string, string?> fields) =>
        fields.GetValueOrDefault("what") is { } what && JsonLinesFile.Instant(fields, "at") is { } at
            ? new AuditEntry(at, fields.GetValueOrDefault("who"), what, fields.GetValueOrDefault("control"), fields.GetValueOrDefault("to"))
            : null;

    public bool IsReminderSent => What.StartsWith("reminder sent", StringComparison.Ordinal);
}
