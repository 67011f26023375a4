using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>
/// <c>build --sign-key</c> writes a manifest of the rendered set and a detached CMS signature over it;
/// <c>verify MANIFEST --trust CERT</c> checks the signature, the signer's chain and every document, and
/// openssl agrees.
/// </summary>
public sealed class SignedBuildTests : IDisposable
{
    private const string AsOf = "2026-11-21T09:00:00Z";
    private const string Manifest = "acme-care-platform-Manifest-20261121T090000Z.json";

    private readonly TempDirectory _keys = new();
    private readonly TempDirectory _out = new();

    public static TheoryData<string> KeyKinds => ["rsa", "ecdsa"];

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public void ASignedBuildVerifiesAgainstItsSignersCertificate(string kind)
    {
        var (key, certificate) = Signer("Evidence Test Signer", kind);

        var build = Build("--sign-key", key);
        var verify = CliRunner.Run("verify", _out.Combine(Manifest), "--trust", certificate);

        Assert.True(build.ExitCode == 0, build.Error);
        Assert.True(File.Exists(_out.Combine(Manifest + ".p7s")));
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Contains("signed by CN=Evidence Test Signer", verify.Out, StringComparison.Ordinal);
        Assert.Contains("its signer chains to a certificate given with --trust", verify.Out, StringComparison.Ordinal);
        var manifest = File.ReadAllText(_out.Combine(Manifest));
        Assert.Contains("\"path\": \"acme-care-platform-Binder-20261121T090000Z.md\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"evidence/runs/", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void OpensslVerifiesTheDetachedSignature()
    {
        var (key, certificate) = Signer("Evidence Test Signer", "rsa");
        Assert.Equal(0, Build("--sign-key", key).ExitCode);

        var (code, output) = Openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", _out.Combine(Manifest + ".p7s"),
            "-content", _out.Combine(Manifest), "-CAfile", certificate, "-purpose", "any", "-out", _out.Combine("verified.json"));

        Assert.True(code == 0, output);
        Assert.Equal(File.ReadAllBytes(_out.Combine(Manifest)), File.ReadAllBytes(_out.Combine("verified.json")));
    }

    [Fact]
    public void ASignerTheVerifierDoesNotTrustFails()
    {
        var (key, _) = Signer("Evidence Test Signer", "rsa");
        var (_, other) = Signer("Someone Else", "rsa");
        Assert.Equal(0, Build("--sign-key", key).ExitCode);

        var verify = CliRunner.Run("verify", _out.Combine(Manifest), "--trust", other);

        Assert.Equal((int)ExitCode.EvidenceInvalid, verify.ExitCode);
        Assert.Contains("signer CN=Evidence Test Signer: not trusted", verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedDocumentOrManifestFailsByName()
    {
        var (key, certificate) = Signer("Evidence Test Signer", "rsa");
        Assert.Equal(0, Build("--sign-key", key).ExitCode);
        var ssp = _out.Combine("acme-care-platform-SSP-20261121T090000Z.md");
        File.AppendAllText(ssp, "\nOne more line.\n");

        var changedDocument = CliRunner.Run("verify", _out.Combine(Manifest), "--trust", certificate);
        File.WriteAllText(_out.Combine(Manifest), File.ReadAllText(_out.Combine(Manifest)).Replace("\"bytes\": ", "\"bytes\": 1", StringComparison.Ordinal));
        var changedManifest = CliRunner.Run("verify", _out.Combine(Manifest), "--trust", certificate);

        Assert.Equal((int)ExitCode.EvidenceInvalid, changedDocument.ExitCode);
        Assert.Contains("acme-care-platform-SSP-20261121T090000Z.md: SHA-256 ", changedDocument.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.EvidenceInvalid, changedManifest.ExitCode);
        Assert.Contains("the signature does not match the manifest", changedManifest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignKeyWithoutAPrivateKeyIsAUsageErrorBeforeAnythingIsWritten()
    {
        var (_, certificate) = Signer("Evidence Test Signer", "rsa");

        var build = Build("--sign-key", certificate);

        Assert.Equal((int)ExitCode.Usage, build.ExitCode);
        Assert.StartsWith($"evidence: --sign-key {certificate}: ", build.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
        build.AssertNoStackTrace();
    }

    public void Dispose()
    {
        _keys.Dispose();
        _out.Dispose();
    }

    private CliResult Build(params string[] args) =>
        CliRunner.Run(["build", CliRunner.Sample, "--as-of", AsOf, "--format", "md", "--output", _out.Path, .. args]);

    /// <summary>A self-signed certificate valid through the test clock's time: the key file (certificate and key) and the certificate alone.</summary>
    private (string Key, string Certificate) Signer(string name, string kind)
    {
        using AsymmetricAlgorithm key = kind == "rsa" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA rsa
            ? new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={name}", (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var slug = name.Replace(' ', '-');
        var certificateFile = _keys.Combine($"{slug}-{kind}.crt.pem");
        var keyFile = _keys.Combine($"{slug}-{kind}.key.pem");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        return (keyFile, certificateFile);
    }

    private static (int Code, string Output) Openssl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("openssl is not installed");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
    }
}
