using System.CommandLine;
using Evidence.Web.Portal;
using Evidence.Web.Reminders;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence serve remind [-w ws] --smtp-host H --smtp-from A [--dry-run]</c>: mails each owner with an overdue
/// attestation a reminder (what is owed and where to sign in; no PHI), one mail per owner; every send is recorded
/// in the audit log. Meant for a scheduler (cron, CI) as much as for a person.
/// </summary>
internal static class ServeRemindCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = AttestCommand.WorkspaceOption();
        var asOf = CommonOptions.AsOf();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the reminders that would be sent; send and record nothing." };
        var url = new Option<string>("--url") { Description = $"Where owners reach the portal. Default: http://127.0.0.1:{ServeCommand.DefaultPort}.", DefaultValueFactory = _ => $"http://127.0.0.1:{ServeCommand.DefaultPort}" };
        var flags = new ServeFlags();
        var command = new Command("remind", "Mail every owner with an overdue attestation a reminder through SMTP (or print them with --dry-run).")
        {
            workspace, asOf, dryRun, url,
        };
        foreach (var option in flags.Mail)
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellation) =>
        {
            var smtp = flags.Smtp(parse, context);
            var dry = parse.GetValue(dryRun);
            if (smtp is null && !dry)
            {
                throw UserException.Usage("serve remind needs a mail server: --smtp-host HOST --smtp-from ADDRESS (or --dry-run to see the reminders)");
            }

            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var portal))
            {
                throw UserException.Usage($"--url '{parse.GetValue(url)}' is not an absolute URL such as https://evidence.example.org");
            }

            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit, verifyHashes: false);
            if (loaded is null)
            {
                return (int)exit;
            }

            var pending = AttestPendingCommand.Pending(loaded, instant, loaded.Workspace!.People);
            var mails = ReminderComposer.Overdue(pending, loaded.Workspace.System.Name, portal);
            if (mails.Count == 0)
            {
                context.Out.WriteLine($"No attestation is overdue as of {Core.Yaml.Timestamps.Format(instant)}; no reminder to send.");
                return (int)ExitCode.Success;
            }

            if (dry)
            {
                foreach (var mail in mails)
                {
                    context.Out.WriteLine($"To: {mail.To.Name} <{mail.To.Email ?? "no e-mail address"}>");
                    context.Out.WriteLine($"Subject: {mail.Subject}");
                    context.Out.WriteLine();
                    context.Out.WriteLine(mail.Body);
                }

                context.Out.WriteLine($"Dry run: {mails.Count} reminder(s) would be sent; nothing was sent or recorded.");
                return (int)ExitCode.Success;
            }

            var sender = new ReminderSender(smtp!, new AuditLog(new DataFolder(loaded.Root), context.Time));
            var failed = new List<ReminderOutcome>();
            foreach (var mail in mails)
            {
                var outcome = await sender.Send(mail, "evidence serve remind", from: null, cancellation).ConfigureAwait(false);
                if (outcome.Sent)
                {
                    context.Out.WriteLine($"Sent to {mail.To.Name} <{mail.To.Email}>: {mail.Overdue} overdue, {mail.Owed} owed.");
                }
                else
                {
                    context.Error.WriteLine($"Not sent to {mail.To.Name}: {outcome.Problem}");
                    failed.Add(outcome);
                }
            }

            return failed.Count == 0
                ? (int)ExitCode.Success
                : throw UserException.ReminderNotSent($"{failed.Count} of {mails.Count} reminder(s) not sent ({string.Join(", ", failed.Select(f => f.To.Id))}); each is recorded in .evidence/audit.jsonl");
        });
        return command;
    }
}
