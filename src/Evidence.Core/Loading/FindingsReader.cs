using Evidence.Core.Diagnostics;
using Evidence.Core.Findings;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads a workspace's <c>findings.yaml</c>: remediation plans, risk acceptances and false positives.</summary>
internal static class FindingsReader
{
    public const string File = "findings.yaml";

    private static readonly string[] FileKeys = ["findings"];
    private static readonly string[] EntryKeys = ["key", "owner", "severity", "remediation", "acceptance", "false_positive"];
    private static readonly string[] PlanKeys = ["owner", "ticket", "target_date", "milestones"];
    private static readonly string[] MilestoneKeys = ["description", "due", "done"];
    private static readonly string[] AcceptanceKeys = ["approved_by", "approved_on", "rationale", "expires"];
    private static readonly string[] FalsePositiveKeys = ["reason", "by", "on"];

    public static IEnumerable<FindingRecord> Read(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "the findings file", FileKeys, diagnostics);
        foreach (var entry in map?.Maps("findings", "a findings entry", EntryKeys) ?? [])
        {
            if (ReadEntry(entry) is { } record)
            {
                yield return record;
            }
        }
    }

    private static FindingRecord? ReadEntry(YamlMap map)
    {
        var key = map.Text("key", required: true);
        var owner = map.Id("owner");
        var severity = map.Enum<Severity>("severity");
        var plan = ReadPlan(map.Map("remediation", "'remediation'", PlanKeys));
        var acceptance = ReadAcceptance(map.Map("acceptance", "'acceptance'", AcceptanceKeys));
        var falsePositive = ReadFalsePositive(map.Map("false_positive", "'false_positive'", FalsePositiveKeys));
        var decisions = new[] { map.Node("remediation"), map.Node("acceptance"), map.Node("false_positive") }.Count(n => n is not null);
        if (decisions != 1)
        {
            map.Diagnostics.Error(map.Location, decisions == 0
                ? "a findings entry needs one of 'remediation' (a plan), 'acceptance' (a risk acceptance) or 'false_positive'"
                : "a findings entry takes only one of 'remediation', 'acceptance' or 'false_positive'; write one entry per decision");
        }

        if (key is { } k && k.Value.Split('|', 3) is var parts && (parts.Length != 3 || parts.Any(p => p.Trim().Length == 0)))
        {
            map.Diagnostics.Error(k.Location, $"'{k.Value}' is not a finding key: write 'query|source|resource' as 'evidence findings' shows it (for example aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|210987654321/us-east-1|my-bucket); '*' stands for any text");
            return null;
        }

        return key is null ? null : new FindingRecord
        {
            Key = key.Value, Owner = owner, Severity = severity, Remediation = plan, Acceptance = acceptance, FalsePositive = falsePositive,
            Location = map.Location,
        };
    }

    private static RemediationPlan? ReadPlan(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var owner = map.Id("owner", required: true);
        var ticket = map.String("ticket");
        var target = map.Date("target_date", required: true);
        var milestones = map.Maps("milestones", "a milestone", MilestoneKeys).Select(ReadMilestone).OfType<Milestone>().ToList();
        return new RemediationPlan(owner, ticket, target, milestones, map.Location);
    }

    private static Milestone? ReadMilestone(YamlMap map)
    {
        var description = map.String("description", required: true);
        var due = map.Date("due", required: true);
        var done = map.Date("done");
        return description is null || due is null ? null : new Milestone(description, due.Value, done);
    }

    private static RiskAcceptance? ReadAcceptance(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var by = map.Id("approved_by", required: true);
        var on = map.Date("approved_on", required: true);
        var rationale = map.String("rationale", required: true);
        var expires = map.Date("expires", required: true);
        if (on is { } approved && expires is { } until && until <= approved)
        {
            map.Diagnostics.Error(map.At("expires"), $"the acceptance expires on {until:yyyy-MM-dd}, not after it was approved on {approved:yyyy-MM-dd}; a risk acceptance needs an expiry date after its approval");
        }

        return by is null || on is null || rationale is null || expires is null
            ? null
            : new RiskAcceptance(by.Value, on.Value, rationale, expires.Value, map.Location) { ExpiresLocation = map.At("expires") };
    }

    private static FalsePositive? ReadFalsePositive(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var reason = map.String("reason", required: true);
        var by = map.Id("by", required: true);
        var on = map.Date("on");
        return reason is null || by is null ? null : new FalsePositive(reason, by.Value, on, map.Location);
    }
}
