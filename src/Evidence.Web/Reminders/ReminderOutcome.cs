using Evidence.Core.Workspaces;

namespace Evidence.Web.Reminders;

/// <summary>What became of one reminder: sent, or why not.</summary>
internal sealed record ReminderOutcome(Person To, bool Sent, string? Problem);
