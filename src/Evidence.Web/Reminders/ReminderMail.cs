using Evidence.Core.Workspaces;

namespace Evidence.Web.Reminders;

/// <summary>One reminder for one owner: whom it goes to, and the subject and text made for them.</summary>
internal sealed record ReminderMail(Person To, string Subject, string Body, int Overdue, int Owed);
