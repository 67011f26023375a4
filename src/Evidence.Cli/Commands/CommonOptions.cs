using System.CommandLine;

namespace Evidence.Cli.Commands;

/// <summary>Arguments and options that several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>A PDF password from the environment variable named by <paramref name="option"/> (never from the command line); null when none is named.</summary>
    public static string? PasswordFrom(string option, string? variable, CliContext context)
    {
        if (variable is null)
        {
            return null;
        }

        var value = context.Environment(variable);
        return string.IsNullOrEmpty(value)
            ? throw UserException.Usage($"{option} {variable}: the environment variable {variable} is not set or is empty; set it to the PDF password")
            : value;
    }

    public static Argument<string> Workspace() => new("workspace")
    {
        Description = "The workspace folder (holding evidence.yaml). Default: the current folder.",
        DefaultValueFactory = _ => ".",
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "Judge as of this UTC instant (2026-11-21T09:00:00Z) or date, instead of now. SOURCE_DATE_EPOCH works too.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON instead of a table.",
    };
}
