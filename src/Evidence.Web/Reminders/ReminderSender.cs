using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using Evidence.Web.Portal;

namespace Evidence.Web.Reminders;

/// <summary>
/// Sends reminders through SMTP with the BCL's <see cref="SmtpClient"/>: a plain submission (STARTTLS, optional
/// sign-in) to the organization's relay is all that is needed, so no mail library is added. Each reminder is
/// sent on its own: one refused address does not stop the others. Every send and every failure is written to
/// the audit log (who sent it, to whom; never the text).
/// </summary>
internal sealed class ReminderSender(SmtpSettings smtp, AuditLog audit)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<ReminderOutcome> Send(ReminderMail mail, string sentBy, string? from, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrWhiteSpace(mail.To.Email) || !MailAddress.TryCreate(mail.To.Email, out var to))
        {
            return Record(new ReminderOutcome(mail.To, false, $"{mail.To.Id} has no e-mail address in evidence.yaml (people[].email)"), "reminder not sent: no e-mail address", sentBy, from, mail);
        }

        using var message = new MailMessage(new MailAddress(smtp.From), to)
        {
            Subject = mail.Subject,
            Body = mail.Body,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)Timeout.TotalMilliseconds,
            Credentials = smtp.UserName is null ? null : new NetworkCredential(smtp.UserName, smtp.Password),
        };
        try
        {
            await client.SendMailAsync(message, cancellation).ConfigureAwait(false);
            return Record(new ReminderOutcome(mail.To, true, null), $"reminder sent ({mail.Overdue} overdue, {mail.Owed} owed)", sentBy, from, mail);
        }
        catch (Exception e) when (e is SmtpException or IOException or SocketException or InvalidOperationException or System.Security.Authentication.AuthenticationException)
        {
            return Record(new ReminderOutcome(mail.To, false, $"{smtp.Host}:{smtp.Port} did not take the reminder to {mail.To.Email}: {e.Message}"), "reminder not sent: the mail server refused or could not be reached", sentBy, from, mail);
        }
    }

    /// <summary>Audits <paramref name="what"/>, the outcome in words that hold no address and no server reply.</summary>
    private ReminderOutcome Record(ReminderOutcome outcome, string what, string sentBy, string? from, ReminderMail mail)
    {
        audit.Write(sentBy, what, from, to: mail.To.Id);
        return outcome;
    }
}
