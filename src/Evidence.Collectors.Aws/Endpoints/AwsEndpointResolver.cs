using System.Text.RegularExpressions;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Endpoints;

/// <summary>
/// AWS Config's endpoint for a region, following the service's endpoint rules: <c>config.{region}</c>
/// under the partition's DNS suffix (amazonaws.com, amazonaws.com.cn for China, the ISO suffixes), FIPS
/// as <c>config-fips.{region}</c> except in GovCloud, whose regular endpoints are already FIPS
/// endpoints. The standard overrides apply first: AWS_ENDPOINT_URL_CONFIG_SERVICE, then
/// AWS_ENDPOINT_URL (http allowed, for local emulators), unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
/// </summary>
public sealed partial class AwsEndpointResolver
{
    public const string ServiceVariable = "AWS_ENDPOINT_URL_CONFIG_SERVICE";
    public const string GlobalVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private readonly Func<string, string?> _environment;
    private readonly bool _fips;

    public AwsEndpointResolver(Func<string, string?> environment, bool fips)
    {
        _environment = environment;
        _fips = fips;
    }

    /// <summary>The endpoint for <paramref name="region"/>; a bad override or region is a configuration error that stops collection.</summary>
    public AwsEndpoint Resolve(string region)
    {
        if (!RegionName().IsMatch(region))
        {
            throw new CollectionAbortedException($"'{region}' is not an AWS region name");
        }

        if (Override() is { } custom)
        {
            return new AwsEndpoint(custom, region, Overridden: true);
        }

        var suffix = DnsSuffix(region);
        var host = _fips && !region.StartsWith("us-gov-", StringComparison.Ordinal) ? $"config-fips.{region}.{suffix}" : $"config.{region}.{suffix}";
        return new AwsEndpoint(new Uri($"https://{host}/"), region, Overridden: false);
    }

    private Uri? Override()
    {
        if (string.Equals(_environment(IgnoreVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var variable in new[] { ServiceVariable, GlobalVariable })
        {
            var value = _environment(variable)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0)
            {
                throw new CollectionAbortedException($"{variable} is '{value}', which is not an http or https URL");
            }

            if (_fips)
            {
                throw new CollectionAbortedException($"FIPS endpoints and a custom endpoint ({variable}) cannot be used together; unset one of them");
            }

            return uri;
        }

        return null;
    }

    private static string DnsSuffix(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "amazonaws.com.cn",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "sc2s.sgov.gov",
        _ when region.StartsWith("us-isof-", StringComparison.Ordinal) || region.StartsWith("eu-isof-", StringComparison.Ordinal) => "csp.hci.ic.gov",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "c2s.ic.gov",
        _ when region.StartsWith("eu-isoe-", StringComparison.Ordinal) => "cloud.adc-e.uk",
        _ when region.StartsWith("eusc-", StringComparison.Ordinal) => "amazonaws.eu",
        _ => "amazonaws.com",
    };

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionName();
}
