using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Evidence.Rendering.Signing;

/// <summary>
/// A detached CMS (PKCS#7) signature over a file's bytes, SHA-256, with the signer's certificate inside, as
/// <c>openssl cms -verify</c> and any CMS library read it. Signing needs an X.509 certificate and its RSA or
/// ECDSA private key in PEM; verifying needs the certificates to trust.
/// </summary>
public static class DetachedSignature
{
    public const string Extension = ".p7s";

    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");

    /// <summary>The certificate and private key in a PEM file (both in the one file, the key unencrypted).</summary>
    /// <exception cref="SigningException">The file is missing, or holds no certificate with its RSA or ECDSA key.</exception>
    public static X509Certificate2 LoadSigner(string pemFile)
    {
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(pemFile);
            if (certificate.HasPrivateKey)
            {
                return certificate;
            }

            certificate.Dispose();
            throw new SigningException($"{pemFile}: holds a certificate but no private key; put the certificate and its key in one PEM file");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new SigningException($"{pemFile}: not a PEM file with an X.509 certificate and its unencrypted RSA or ECDSA private key ({e.Message})", e);
        }
    }

    /// <summary>The certificates in a PEM file, to trust when verifying.</summary>
    /// <exception cref="SigningException">The file is missing or holds no certificate.</exception>
    public static X509Certificate2Collection LoadTrust(string pemFile)
    {
        var trust = new X509Certificate2Collection();
        try
        {
            trust.ImportFromPemFile(pemFile);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new SigningException($"{pemFile}: not a PEM file of X.509 certificates ({e.Message})", e);
        }

        return trust.Count > 0 ? trust : throw new SigningException($"{pemFile}: holds no certificate (-----BEGIN CERTIFICATE-----)");
    }

    /// <summary>A DER-encoded detached signature of <paramref name="content"/>, stamped with <paramref name="signingTime"/>.</summary>
    public static byte[] Sign(byte[] content, X509Certificate2 signer, DateTimeOffset signingTime)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer)
        {
            DigestAlgorithm = Sha256,
            IncludeOption = X509IncludeOption.WholeChain,
        };
        cmsSigner.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(cmsSigner, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// What is wrong with <paramref name="signature"/> over <paramref name="content"/>: a signature that does
    /// not match, or (with <paramref name="trust"/>) a signer whose chain does not end at a trusted
    /// certificate as of the signing time. Empty when it holds; <paramref name="signers"/> names who signed.
    /// </summary>
    public static IReadOnlyList<string> Verify(byte[] content, byte[] signature, X509Certificate2Collection? trust, out IReadOnlyList<string> signers)
    {
        var problems = new List<string>();
        var names = new List<string>();
        signers = names;
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(signature);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            problems.Add($"the signature does not match the manifest, or is not a CMS signature ({e.Message})");
            return problems;
        }

        foreach (var signer in cms.SignerInfos)
        {
            if (signer.Certificate is not { } certificate)
            {
                problems.Add("a signer's certificate is not in the signature");
                continue;
            }

            names.Add(certificate.Subject);
            if (trust is not null && Chain(certificate, cms.Certificates, trust, SigningTime(signer)) is { } problem)
            {
                problems.Add($"signer {certificate.Subject}: {problem}");
            }
        }

        return problems;
    }

    private static string? Chain(X509Certificate2 certificate, X509Certificate2Collection included, X509Certificate2Collection trust, DateTime? at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        chain.ChainPolicy.ExtraStore.AddRange(included);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (at is { } time)
        {
            chain.ChainPolicy.VerificationTime = time;
        }

        return chain.Build(certificate)
            ? null
            : "not trusted: " + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).DefaultIfEmpty("its chain does not end at a certificate given with --trust"));
    }

    private static DateTime? SigningTime(SignerInfo signer) =>
        signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>()
            .Select(t => (DateTime?)t.SigningTime)
            .FirstOrDefault();
}
