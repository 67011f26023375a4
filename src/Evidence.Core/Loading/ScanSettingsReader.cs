using System.Text.RegularExpressions;
using Evidence.Core.Scanning;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>Reads <c>settings.scan</c>: the IP mode, the workforce's e-mail domains, extra patterns and the allow list.</summary>
internal static partial class ScanSettingsReader
{
    public static readonly string[] Keys = ["ip", "workforce_domains", "patterns", "allow"];
    private static readonly string[] PatternKeys = ["name", "regex", "timeout_ms"];
    private static readonly string[] AllowKeys = ["value", "sha256", "reason"];
    private const int DefaultTimeoutMs = 1000;

    public static ScanSettings Read(YamlMap? map)
    {
        if (map is null)
        {
            return ScanSettings.Default;
        }

        var domains = new List<string>();
        foreach (var domain in map.Texts("workforce_domains"))
        {
            if (!Domain().IsMatch(domain.Value))
            {
                map.Diagnostics.Error(domain.Location, $"'{domain.Value}' is not an e-mail domain; write it as example.org, without @ or a scheme");
                continue;
            }

            domains.Add(domain.Value.ToLowerInvariant());
        }

        return new ScanSettings
        {
            Ip = map.Enum<IpMode>("ip") ?? IpMode.Report,
            WorkforceDomains = domains,
            Patterns = map.Maps("patterns", "a scan pattern", PatternKeys).Select(ReadPattern).OfType<ScanPattern>().ToList(),
            Allow = map.Maps("allow", "an allowed value", AllowKeys).Select(ReadAllowed).OfType<AllowedValue>().ToList(),
        };
    }

    private static ScanPattern? ReadPattern(YamlMap map)
    {
        var name = map.Id("name", required: true);
        var regex = map.Text("regex", required: true);
        var timeout = map.Text("timeout_ms");
        var milliseconds = DefaultTimeoutMs;
        if (timeout is { } t && (!int.TryParse(t.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out milliseconds) || milliseconds is < 1 or > 60000))
        {
            map.Diagnostics.Error(t.Location, $"'timeout_ms' must be a whole number of milliseconds from 1 to 60000; '{t.Value}' is not");
            return null;
        }

        if (name is null || regex is null)
        {
            return null;
        }

        if (SensitiveKinds.All.Contains(name.Value.Value))
        {
            map.Diagnostics.Error(name.Value.Location, $"scan pattern '{name.Value.Value}' has the name of a built-in kind; choose another name, such as {name.Value.Value}-local");
            return null;
        }

        try
        {
            var compiled = new Regex(regex.Value.Value, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(milliseconds));
            if (compiled.IsMatch(string.Empty))
            {
                map.Diagnostics.Error(regex.Value.Location, $"scan pattern '{name.Value.Value}' matches empty text; make it require at least one character");
                return null;
            }

            return new ScanPattern(name.Value.Value, compiled);
        }
        catch (ArgumentException e)
        {
            map.Diagnostics.Error(regex.Value.Location, $"scan pattern '{name.Value.Value}' is not a valid .NET regular expression: {e.Message}");
            return null;
        }
    }

    private static AllowedValue? ReadAllowed(YamlMap map)
    {
        var value = map.Text("value");
        var sha256 = map.Text("sha256");
        var reason = map.String("reason", required: true);
        if ((value is null) == (sha256 is null))
        {
            map.Diagnostics.Error(map.Location, "an allowed value gives either 'value' or 'sha256' (the SHA-256 of the value, in hex), not both or neither");
            return null;
        }

        if (sha256 is { } h && !Sha256().IsMatch(h.Value))
        {
            map.Diagnostics.Error(h.Location, "'sha256' must be 64 hexadecimal digits: the output of 'printf %s VALUE | sha256sum'");
            return null;
        }

        if (reason is not { Length: > 0 })
        {
            return null;
        }

        return new AllowedValue(value?.Value, sha256?.Value.ToLowerInvariant(), reason);
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex Domain();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256();
}
