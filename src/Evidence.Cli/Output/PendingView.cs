using Evidence.Core.Evaluation;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary><c>evidence attest pending</c> as a table per owner, or as JSON.</summary>
internal static class PendingView
{
    public static void Write(CliContext context, IReadOnlyList<OwnerPending> owners)
    {
        if (owners.Count == 0)
        {
            context.Out.WriteLine("No attestations are asked of anyone (settings.attestations is not set and no control asks for one).");
            return;
        }

        var first = true;
        foreach (var owner in owners)
        {
            if (!first)
            {
                context.Out.WriteLine();
            }

            first = false;
            var overdue = owner.Controls.Count(c => c.Schedule.Missed.Count > 0);
            var due = owner.Controls.Count(c => c.Schedule.Due is not null);
            context.Out.WriteLine($"{owner.Owner.Name} ({owner.Owner.Id}): {Words.Plural(owner.Controls.Count, "control")}, {overdue} overdue, {due} due");
            var table = new TextTable("Control", "Title", "Attestation", "Last attested", "Evidence");
            foreach (var control in owner.Controls.OrderByDescending(c => c.Schedule.Missed.Count > 0).ThenBy(c => c.Schedule.Deadline ?? DateTimeOffset.MaxValue))
            {
                table.Add(
                    control.Evaluation.Id,
                    Words.Truncate(control.Evaluation.Control.Control.Title, 40),
                    State(control.Schedule),
                    control.Schedule.Latest is { } latest ? $"{latest.Period} {Words.Of(latest.Result)} ({latest.AttestedBy.Value})" : "never",
                    Words.Of(control.Evaluation.Status));
            }

            table.Write(context);
        }
    }

    /// <summary>"overdue since 2026-10-15 (2026-Q3); 2026-Q4 due by 2027-01-14 23:59:59Z"</summary>
    public static string State(ScheduledAttestation schedule)
    {
        var parts = new List<string>();
        if (schedule.OverdueSince is { } since)
        {
            parts.Add($"overdue since {Timestamps.FormatDate(since)} ({string.Join(", ", schedule.Missed)})");
        }

        if (schedule.Due is { } due)
        {
            parts.Add($"{due} due by {Timestamps.Format(schedule.DueBy!.Value)}");
        }

        return parts.Count == 0 ? $"attested for {schedule.Latest?.Period}" : string.Join("; ", parts);
    }

    public static void WriteJson(TextWriter output, DateTimeOffset asOf, IReadOnlyList<OwnerPending> owners) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("as_of", Timestamps.Format(asOf));
        w.WriteStartArray("owners");
        foreach (var owner in owners)
        {
            w.WriteStartObject();
            w.WriteString("id", owner.Owner.Id);
            w.WriteString("name", owner.Owner.Name);
            w.WriteStartArray("controls");
            foreach (var control in owner.Controls)
            {
                var schedule = control.Schedule;
                w.WriteStartObject();
                w.WriteString("control", control.Evaluation.Id);
                w.WriteString("title", control.Evaluation.Control.Control.Title);
                w.WriteString("status", EnumNames.ToKebab(control.Evaluation.Status));
                if (schedule.Latest is { } latest)
                {
                    w.WriteStartObject("last_attested");
                    w.WriteString("period", latest.Period.ToString());
                    w.WriteString("result", EnumNames.ToKebab(latest.Result));
                    w.WriteString("by", latest.AttestedBy.Value);
                    w.WriteString("at", Timestamps.Format(latest.AttestedAt));
                    w.WriteString("record", latest.RecordPath);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("last_attested");
                }

                if (schedule.Due is { } due)
                {
                    w.WriteStartObject("due");
                    w.WriteString("period", due.ToString());
                    w.WriteString("due_by", Timestamps.Format(schedule.DueBy!.Value));
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("due");
                }

                if (schedule.OverdueSince is { } since)
                {
                    w.WriteStartObject("overdue");
                    w.WriteString("since", Timestamps.Format(since));
                    w.WriteStartArray("periods");
                    foreach (var missed in schedule.Missed)
                    {
                        w.WriteStringValue(missed.ToString());
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("overdue");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
