namespace Evidence.Collectors.Aws.Client;

/// <summary>No connection could be made (refused, no such host, TLS failure): retried a few times, then the run stops.</summary>
internal sealed class EndpointUnreachableException(string message, Exception inner) : Exception(message, inner);
