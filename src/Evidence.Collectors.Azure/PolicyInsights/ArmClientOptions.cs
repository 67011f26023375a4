using Azure.Core;
using Azure.Core.Pipeline;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>Azure.Core's options for the pipeline: its own retries are off, because Polly retries (once, not twice).</summary>
internal sealed class ArmClientOptions : ClientOptions
{
    public ArmClientOptions(HttpPipelineTransport? transport)
    {
        Retry.MaxRetries = 0;
        Diagnostics.ApplicationId = "evidence";
        Diagnostics.IsLoggingEnabled = false;
        Diagnostics.IsDistributedTracingEnabled = false;
        if (transport is not null)
        {
            Transport = transport;
        }
    }
}
