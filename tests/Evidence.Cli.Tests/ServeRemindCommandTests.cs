using System.Globalization;
using Evidence.Testing;
using Evidence.Testing.Fakes;

namespace Evidence.Cli.Tests;

/// <summary><c>evidence serve remind</c>: reminder mail through a fake SMTP relay on 127.0.0.1, the dry run, and refusals.</summary>
public sealed class ServeRemindCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _copy = new();
    private readonly FakeSmtpServer _smtp = new();

    public ValueTask InitializeAsync()
    {
        ServeSampleCopy.Make(_copy.Path);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _copy.Dispose();
    }

    [Fact]
    public void ADryRunPrintsEachOverdueOwnersReminderAndSendsAndRecordsNothing()
    {
        var result = CliRunner.Run("serve", "remind", "-w", _copy.Path, "--dry-run", "--url", "https://evidence.acme-health.example");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("To: Priya Raman <priya.raman@acme-health.example>", result.Out, StringComparison.Ordinal);
        Assert.Contains("- 164.312(e)(2)(i) Integrity controls: overdue since 2026-10-15 (2026-Q3)", result.Out, StringComparison.Ordinal);
        Assert.Contains("https://evidence.acme-health.example/portal", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("To: Dana Whitfield", result.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was sent or recorded", result.Out, StringComparison.Ordinal);
        Assert.Empty(_smtp.Received);
        Assert.False(File.Exists(_copy.Combine(".evidence/audit.jsonl")));
    }

    [Fact]
    public void RemindersGoThroughTheMailServerOnePerOverdueOwnerAndEachIsAudited()
    {
        var result = Remind();

        Assert.Equal(0, result.ExitCode);
        var messages = _smtp.Received.ToList();
        Assert.Contains(messages, m => m.To.SequenceEqual(["priya.raman@acme-health.example"]));
        Assert.Contains(messages, m => m.To.SequenceEqual(["lena.fischer@acme-health.example"]));
        Assert.Equal(messages.Count, messages.Select(m => m.To[0]).Distinct().Count());
        Assert.Contains("Subject: Acme Care Coordination Platform: 1 overdue HIPAA attestation", messages[0].Text, StringComparison.Ordinal);
        var audit = File.ReadAllLines(_copy.Combine(".evidence/audit.jsonl"));
        Assert.Equal(messages.Count, audit.Count(l => l.Contains("\"what\":\"reminder sent", StringComparison.Ordinal)));
        Assert.All(audit, l => Assert.DoesNotContain("Integrity controls", l, StringComparison.Ordinal));
    }

    [Fact]
    public void ARecipientTheRelayRefusesExits44AndTheOthersAreStillSent()
    {
        _smtp.Refuse.Add("priya.raman@acme-health.example");

        var result = Remind();

        Assert.Equal(44, result.ExitCode);
        Assert.Contains("Not sent to Priya Raman", result.Error, StringComparison.Ordinal);
        Assert.Contains("not sent (priya-raman)", result.Error, StringComparison.Ordinal);
        Assert.Contains(_smtp.Received, m => m.To.SequenceEqual(["lena.fischer@acme-health.example"]));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"what\":\"reminder not sent: the mail server refused or could not be reached\"", File.ReadAllText(_copy.Combine(".evidence/audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void AMailServerThatDoesNotAnswerExits44()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closed = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = CliRunner.Run("serve", "remind", "-w", _copy.Path, "--smtp-host", "127.0.0.1", "--smtp-port", closed.ToString(CultureInfo.InvariantCulture), "--smtp-from", "compliance@acme-health.example", "--smtp-no-tls");

        Assert.Equal(44, result.ExitCode);
        Assert.Contains($"127.0.0.1:{closed} did not take the reminder", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--smtp-host", "127.0.0.1")]
    [InlineData("--smtp-port", "25")]
    public void WithoutAServerAndSenderOrADryRunItIsAUsageError(string option, string value)
    {
        var result = CliRunner.Run("serve", "remind", "-w", _copy.Path, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--smtp-", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASmtpUserWithoutThePasswordInTheEnvironmentIsAUsageError()
    {
        var result = CliRunner.Run("serve", "remind", "-w", _copy.Path, "--smtp-host", "127.0.0.1", "--smtp-from", "a@acme-health.example", "--smtp-user", "relay");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EVIDENCE_SMTP_PASSWORD", result.Error, StringComparison.Ordinal);
    }

    private CliResult Remind() =>
        CliRunner.Run("serve", "remind", "-w", _copy.Path, "--smtp-host", "127.0.0.1", "--smtp-port", _smtp.Port.ToString(CultureInfo.InvariantCulture),
            "--smtp-from", "compliance@acme-health.example", "--smtp-no-tls");
}
