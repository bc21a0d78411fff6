using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Web.Commands;

/// <summary>
/// <c>validate [FILE]</c>: checks a catalog file (or, without FILE, the effective configuration) exactly as start-up
/// does, prints every problem, and exits 0 or 1 — for a configuration repository's own CI. Starts no server.
/// </summary>
public static class ValidateCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var (operands, configuration) = CommandLine.Split(args);
        if (operands.Length > 1)
        {
            error.WriteLine("usage: validate [FILE] [--Key=value ...]   (one catalog file at most)");
            return 1;
        }
        var settings = operands.Length == 1
            ? [.. configuration, $"--{CatalogOptions.SectionName}:CatalogFile={Path.GetFullPath(operands[0])}"]
            : configuration;
        var builder = StatusBoardBuilder.Create(settings);
        builder.Logging.ClearProviders();
        using var app = builder.Build();
        if (!StartupGuard.Validate(app, error))
        {
            return 1;
        }
        var catalog = app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value;
        var source = catalog.CatalogFile is { } file ? Path.GetFullPath(file) : "StatusBoard:Services (appsettings.json and overrides)";
        output.WriteLine($"valid: {catalog.Services.Count} service{(catalog.Services.Count == 1 ? "" : "s")} in {source}");
        return 0;
    }
}
