using System.CommandLine;

namespace Evidence.Cli.Commands;

/// <summary>Arguments and options that several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
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
