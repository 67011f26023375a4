namespace Evidence.Collectors.Aws.Client;

/// <summary>An error answer: the AWS error code (the <c>__type</c> without its namespace), its message and what it means.</summary>
public sealed record AwsConfigError(string Code, string Message, AwsErrorKind Kind);
