using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Evidence.Core.Files;

namespace Evidence.Web.Portal;

/// <summary>
/// Single-use sign-in links: <c>owner|expiry|nonce</c> signed with HMAC-SHA256 under a secret kept in
/// <c>.evidence/serve-secret</c>; a link's nonce goes into <c>.evidence/used-links</c> when it is used. Each link
/// issued is entered in the <see cref="InviteLedger"/> by its id, so it can be revoked alone.
/// </summary>
public sealed class InviteTokens
{
    private const string SecretFile = "serve-secret";
    internal const string UsedFile = "used-links";
    private static readonly Lock Gate = new();

    private readonly DataFolder _folder;
    private readonly TimeProvider _time;
    private readonly InviteLedger _ledger;

    /// <summary>Tokens kept in <paramref name="folder"/>, with a ledger of their own (the CLI's invite command).</summary>
    public InviteTokens(DataFolder folder, TimeProvider time)
        : this(folder, time, new InviteLedger(folder))
    {
    }

    /// <summary>Tokens that share the server's one <paramref name="ledger"/>, and with it its cache of revoked links.</summary>
    internal InviteTokens(DataFolder folder, TimeProvider time, InviteLedger ledger)
    {
        _folder = folder;
        _time = time;
        _ledger = ledger;
    }

    /// <summary>A token for <paramref name="owner"/> valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(string owner, TimeSpan lifetime) => IssueLink(owner, lifetime).Token;

    /// <summary>A token for <paramref name="owner"/> and the ledger entry that names it (its id revokes it).</summary>
    internal (string Token, IssuedLink Link) IssueLink(string owner, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = _time.GetUtcNow();
        var expires = now.Add(lifetime).ToUnixTimeSeconds();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var payload = $"{owner}|{expires.ToString(CultureInfo.InvariantCulture)}|{nonce}";
        var body = Base64Url(Encoding.UTF8.GetBytes(payload));
        var link = new IssuedLink(InviteLedger.IdOf(nonce), owner, now, DateTimeOffset.FromUnixTimeSeconds(expires));
        _ledger.Record(link);
        return (body + "." + Base64Url(Sign(body)), link);
    }

    /// <summary>Checks a token and, when it is good, marks it used so it never signs anyone in again.</summary>
    public InviteCheck Redeem(string token)
    {
        var check = Read(token);
        if (check.Owner is null)
        {
            return check;
        }

        lock (Gate)
        {
            var used = _folder.Combine(UsedFile);
            if (File.Exists(used) && File.ReadLines(used).Contains(check.Nonce, StringComparer.Ordinal))
            {
                return InviteCheck.Refused("this sign-in link was already used; ask for a new one");
            }

            _folder.Ensure();
            File.AppendAllText(used, check.Nonce + "\n");
        }

        return check;
    }

    /// <summary>Checks signature and expiry without using the token up.</summary>
    public InviteCheck Read(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryBase64Url(token[(dot + 1)..], out var mac) || !TryBase64Url(token[..dot], out var payloadBytes))
        {
            return InviteCheck.Refused("this is not a sign-in link Evidence issued");
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Sign(token[..dot])))
        {
            return InviteCheck.Refused("this sign-in link is not valid (it was altered, or issued for another workspace)");
        }

        var parts = Encoding.UTF8.GetString(payloadBytes).Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return InviteCheck.Refused("this is not a sign-in link Evidence issued");
        }

        return _time.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(expires) ? InviteCheck.Refused("this sign-in link has expired; ask for a new one")
            : _ledger.IsRevoked(InviteLedger.IdOf(parts[2])) ? InviteCheck.Refused("this sign-in link was revoked; ask for a new one")
            : new InviteCheck(parts[0], parts[2], null);
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(Secret(), Encoding.UTF8.GetBytes(body));

    private byte[] Secret()
    {
        var path = _folder.Combine(SecretFile);
        lock (Gate)
        {
            if (!File.Exists(path))
            {
                _folder.Ensure();
                AtomicFile.WriteAllText(path, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), overwrite: false);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            return Convert.FromHexString(File.ReadAllText(path).Trim());
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
