using System.Globalization;
using System.Text.Json;

namespace Evidence.Web.Portal;

/// <summary>One line of the audit log as read back, for the compliance lead's view of activity and reminders.</summary>
internal sealed record AuditEntry(DateTimeOffset At, string? Who, string What, string? Control, string? To)
{
    public static AuditEntry? Parse(string line)
    {
        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(line);
            return fields is not null && fields.GetValueOrDefault("what") is { } what
                && DateTimeOffset.TryParse(fields.GetValueOrDefault("at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? new AuditEntry(at, fields.GetValueOrDefault("who"), what, fields.GetValueOrDefault("control"), fields.GetValueOrDefault("to"))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool IsReminderSent => What.StartsWith("reminder sent", StringComparison.Ordinal);
}
