using Evidence.Rendering.Model;

namespace Evidence.Rendering.Tests.Model;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("access key AKIAIOSFODNN7EXAMPLE in use", "access key [REDACTED: aws-access-key-id] in use")]
    [InlineData("session ASIAY34FZKBOKMUTVV7A expired", "session [REDACTED: aws-access-key-id] expired")]
    [InlineData("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key=[REDACTED: aws-secret-key]")]
    [InlineData("\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "\"SecretAccessKey\": \"[REDACTED: aws-secret-key]\"")]
    [InlineData("Authorization: Bearer abcdef0123456789.xyz", "Authorization: Bearer [REDACTED: bearer-token]")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl seen", "token [REDACTED: jwt] seen")]
    [InlineData("patient SSN 123-45-6789 found in tag", "patient SSN [REDACTED: ssn] found in tag")]
    [InlineData("owner jane.doe+phi@clinic.example.org asked", "owner [REDACTED: email] asked")]
    public void SecretsAndPersonalDataAreReplaced(string text, string redacted) => Assert.Equal(redacted, Redactor.Redact(text));

    [Theory]
    [InlineData("Bucket acme-legacy-exports allows public read access: its ACL grants READ to the AllUsers group.")]
    [InlineData("arn:aws:iam::210987654321:user/contractor-jlee has no MFA device.")]
    [InlineData("sha256 960a8b3f2690890fbef16e634c642fbdf80e26c8e09663d18f35b9628f75314b")]
    [InlineData("Security group sg-0a1b2c3d4e5f60718 allows 0.0.0.0/0 on TCP port 5432.")]
    [InlineData("evaluated 2026-11-20, version 12-34-5678 of the rule")]
    public void OrdinaryEvidenceTextIsLeftAlone(string text) => Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void NothingStaysNothing()
    {
        Assert.Null(Redactor.Redact(null));
        Assert.Equal(string.Empty, Redactor.Redact(string.Empty));
    }
}
