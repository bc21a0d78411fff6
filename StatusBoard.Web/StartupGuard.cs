using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace StatusBoard.Web;

/// <summary>
/// Runs the app and turns a configuration error at start-up into one readable message and exit code 1,
/// instead of an unhandled exception with a stack trace.
/// </summary>
internal static class StartupGuard
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            // Validate options before the host starts, so a bad catalog is reported here instead of being
            // logged by the host as "Hosting failed to start" with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.StartAsync();
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("StatusBoard cannot start: the configuration is invalid.");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"  - {failure}");
            }
            return 1;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"StatusBoard dashboard: {address}/");
        }
        await app.WaitForShutdownAsync();
        return 0;
    }
}
