using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace StatusBoard.Web;

/// <summary>
/// Runs the app and turns every start-up problem — a bad configuration value, a port already in use — into one
/// readable message per problem and exit code 1, instead of an unhandled exception with a stack trace.
/// </summary>
internal static class StartupGuard
{
    public static Task<int> RunAsync(WebApplication app) => RunAsync(app, Console.Out, Console.Error);

    public static async Task<int> RunAsync(WebApplication app, TextWriter output, TextWriter error)
    {
        if (!Validate(app, error))
        {
            return 1;
        }
        try
        {
            await app.StartAsync();
        }
        catch (Exception ex) when (AddressInUse(ex))
        {
            var urls = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : app.Configuration["Urls"] ?? "http://localhost:5080";
            await error.WriteLineAsync(
                $"StatusBoard cannot listen on {urls}: the address is already in use (another StatusBoard?). Choose another with --urls http://localhost:5081");
            return 1;
        }
        catch (Exception ex)
        {
            // The host's own "Hosting failed to start" line is off (appsettings.json): this is the one report.
            var cause = ex.GetBaseException();
            await error.WriteLineAsync($"StatusBoard cannot start: {ex.Message}{(ReferenceEquals(cause, ex) ? "" : $" ({cause.Message})")}");
            return 1;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            await output.WriteLineAsync($"StatusBoard dashboard: {address}/");
        }
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>
    /// Validates every options class before anything starts, writing one line per problem (each naming its key) to
    /// <paramref name="error"/>; false when the configuration cannot be used.
    /// </summary>
    public static bool Validate(WebApplication app, TextWriter error)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception ex) when (Problems(ex) is { Count: > 0 } problems)
        {
            error.WriteLine("StatusBoard cannot start: the configuration is invalid.");
            foreach (var problem in problems)
            {
                error.WriteLine($"  - {problem}");
            }
            return false;
        }
    }

    /// <summary>Validation failures of one or several options classes; a binder's conversion error as a last resort.</summary>
    private static List<string> Problems(Exception ex) => ex switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Problems).ToList(),
        // The binder names the key in its message ("Failed to convert configuration value 'x' at 'StatusBoard:Y' …").
        InvalidOperationException { InnerException: FormatException or OverflowException or ArgumentException } conversion => [conversion.Message],
        _ => [],
    };

    private static bool AddressInUse(Exception ex) =>
        ex is AddressInUseException
        || ex is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || (ex.InnerException is { } inner && AddressInUse(inner));
}
