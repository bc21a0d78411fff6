using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StatusBoard.Benchmarks;

/// <summary>Kestrel on 127.0.0.1:0 serving one recorded Statuspage summary at <c>/sp/{id}/api/v2/summary.json</c>.</summary>
public sealed class LocalUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalUpstream(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string SummaryUrl(string id) => $"{BaseUrl}/sp/{id}/api/v2/summary.json";

    public static async Task<LocalUpstream> StartAsync(byte[] summary)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/sp/{id}/api/v2/summary.json", (HttpContext _) => Results.Bytes(summary, "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalUpstream(app, address);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
