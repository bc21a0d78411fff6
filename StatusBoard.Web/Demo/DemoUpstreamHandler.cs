using System.Net;
using System.Net.Http.Headers;

namespace StatusBoard.Web.Demo;

/// <summary>
/// The simulated upstream: answers the engine's requests for <c>{id}.demo.statusboard.invalid</c> in process, from
/// <see cref="DemoScript"/> on the app's <see cref="TimeProvider"/>. It sits inside the upstream HTTP client, so the
/// engine fetches, times and parses demo pages exactly like real ones; any other host passes through untouched.
/// </summary>
public sealed class DemoUpstreamHandler(DemoCatalog catalog, TimeProvider time) : DelegatingHandler
{
    public const string HostSuffix = ".demo.statusboard.invalid";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Host ?? "";
        if (!host.EndsWith(HostSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return base.SendAsync(request, cancellationToken);
        }
        var id = host[..^HostSuffix.Length];
        var now = time.GetUtcNow();
        var script = catalog.Script;
        if (script is null || !catalog.TryGetName(id, out var name))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        }
        if (script.IsPageDown(id, now))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                RequestMessage = request,
                Content = new StringContent("Service Unavailable (scripted by the demo)"),
            });
        }
        var content = new ByteArrayContent(DemoPayload.Summary(script, id, name, now));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content });
    }
}
