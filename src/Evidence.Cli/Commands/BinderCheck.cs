using Evidence.Cli.Output;
using Evidence.Rendering.Verification;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence verify BINDER.pdf</c>: the attached binder index against the hash the PDF records, every
/// attachment and the pages against the index, each run manifest against the binder's record of it, and
/// each raw evidence file against its manifest (see <see cref="BinderVerifier"/>).
/// </summary>
internal static class BinderCheck
{
    public static int Run(string path, string? passwordEnv, CliContext context)
    {
        if (!File.Exists(path))
        {
            throw UserException.Usage($"{path} does not exist");
        }

        var password = CommonOptions.PasswordFrom("--password-env", passwordEnv, context);

        BinderVerification result;
        try
        {
            result = BinderVerifier.Verify(path, password);
        }
        catch (BinderUnreadableException e)
        {
            context.Error.WriteLine($"{e.Message}{(password is null ? "; if it is encrypted, pass --password-env" : string.Empty)}");
            return (int)ExitCode.EvidenceInvalid;
        }

        context.Out.WriteLine($"{path}: {result.Attachments} attachments, {Words.Plural(result.Manifests, "run manifest")}, {result.Documents} documents");
        foreach (var problem in result.Problems)
        {
            context.Error.WriteLine($"{path}: {problem}");
        }

        if (!result.Passed)
        {
            context.Error.WriteLine("verification failed");
            return (int)ExitCode.EvidenceInvalid;
        }

        context.Out.WriteLine(
            $"verified: {result.Verified} attached files (run manifests, raw evidence, {Words.Plural(result.Documents, "document")}) match binder-index.json, " +
            "whose SHA-256 the PDF records, and so do the pages; each run manifest matches the hash the binder records for its run, " +
            "and each raw evidence file the SHA-256 its run manifest recorded at collection");
        return (int)ExitCode.Success;
    }
}
