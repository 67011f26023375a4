using Evidence.Cli.Output;
using Evidence.Rendering.Verification;
using PdfSharp;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence verify BINDER.pdf</c>: every attached raw evidence file against the attached run manifest that recorded it.</summary>
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
        catch (Exception e) when (e is PdfSharpException or InvalidOperationException or IOException)
        {
            context.Error.WriteLine($"{path}: cannot read the PDF ({e.Message}){(password is null ? "; if it is encrypted, pass --password-env" : string.Empty)}");
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

        context.Out.WriteLine($"verified: {result.Verified} raw evidence files match the SHA-256 their run manifests recorded; compare the {result.Documents} documents with the binder's evidence index");
        return (int)ExitCode.Success;
    }
}
