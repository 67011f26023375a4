using System.Text;
using Microsoft.AspNetCore.Http;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>How the fake Azure server spoils a request a <see cref="FakeAzureFault"/> picked.</summary>
internal static class FakeFaultReplies
{
    public static async Task<int> SpoilAsync(HttpContext context, FakeAzureRequest request, FakeAzureFault fault, FakeAzureServer server)
    {
        switch (fault.Kind)
        {
            case FakeAzureFaultKind.Throttle:
                return await FakeArmReplies.ThrottleAsync(context, fault.RetryAfterSeconds ?? server.RetryAfterSeconds).ConfigureAwait(false);
            case FakeAzureFaultKind.ServerError:
                return await FakeArmReplies.ErrorAsync(context, 500, "InternalServerError", "Encountered an internal server error.").ConfigureAwait(false);
            case FakeAzureFaultKind.InvalidFilter:
                return await FakeArmReplies.ErrorAsync(context, 400, "InvalidFilterInQueryString", $"The $filter '{request.Filter}' could not be run.").ConfigureAwait(false);
            case FakeAzureFaultKind.Forbidden:
                return await FakeArmReplies.ErrorAsync(context, 403, "AuthorizationFailed", $"The client does not have authorization over scope '{request.Scope}'.").ConfigureAwait(false);
            case FakeAzureFaultKind.ExpiredToken:
                return await FakeArmReplies.ExpiredAsync(context).ConfigureAwait(false);
            case FakeAzureFaultKind.MalformedJson:
                await FakeArmReplies.WriteAsync(context, 200, Encoding.UTF8.GetBytes("{\"@odata.context\": \"x\", \"value\": [ {\"resourceId\": <html>Service Unavailable</html>")).ConfigureAwait(false);
                return 200;
            case FakeAzureFaultKind.DropConnection:
                context.Abort();
                return 0;
            case FakeAzureFaultKind.NextLinkElsewhere:
                var elsewhere = new Uri("https://management.example.invalid/subscriptions/x/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01&%24skipToken=abc");
                await FakeArmReplies.WriteAsync(context, 200, FakePolicyStatesPage.Write(server.Endpoint, request.Scope ?? string.Empty, server.SampleOfStates(request), elsewhere)).ConfigureAwait(false);
                return 200;
        }

        // The two cut-off bodies: a whole page, of which only the first half arrives.
        var body = FakePolicyStatesPage.Write(server.Endpoint, request.Scope ?? string.Empty, server.SampleOfStates(request), null);
        var half = body.AsMemory(0, body.Length / 2);
        if (fault.Kind == FakeAzureFaultKind.TruncatedJson)
        {
            await FakeArmReplies.WriteAsync(context, 200, half.ToArray()).ConfigureAwait(false);
            return 200;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(half).ConfigureAwait(false);
        await context.Response.Body.FlushAsync().ConfigureAwait(false);
        context.Abort();
        return 0;
    }
}
