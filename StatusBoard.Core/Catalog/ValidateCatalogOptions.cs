using Microsoft.Extensions.Configuration;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Catalog;

/// <summary>
/// Checks the whole catalog in one pass and reports every problem with its key path and service id,
/// so a bad catalog fails start-up with one readable message.
/// </summary>
internal sealed partial class ValidateCatalogOptions(ProviderRegistry providers) : IValidateOptions<CatalogOptions>
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var errors = new List<string>(options.LoadErrors);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var source = options.CatalogFile is null ? "StatusBoard:Services" : $"StatusBoard:CatalogFile '{options.CatalogFile}'";

        if (options.Services.Count == 0 && options.LoadErrors.Count == 0)
        {
            errors.Add($"{source} lists no services: add at least one entry.");
        }

        foreach (var (service, index) in options.Services.Select((s, i) => (s, i)))
        {
            var key = options.CatalogFile is null ? $"StatusBoard:Services:{index}" : $"{source}[{index}]";
            var who = service.Id.Length > 0 ? $"service '{service.Id}'" : $"entry {index}";

            if (!IdPattern().IsMatch(service.Id))
            {
                errors.Add($"{key}:id '{service.Id}' ({who}) must be lowercase letters, digits and single dashes.");
            }
            else if (!seen.TryAdd(service.Id, key))
            {
                errors.Add($"{key}:id '{service.Id}' is a duplicate: {seen[service.Id]} already uses it.");
            }

            if (!service.Url.IsAbsoluteUri || (service.Url.Scheme != Uri.UriSchemeHttp && service.Url.Scheme != Uri.UriSchemeHttps))
            {
                var raw = service.Settings?["url"];
                errors.Add(string.IsNullOrWhiteSpace(raw)
                    ? $"{key}:url ({who}) is missing: give the absolute http(s) endpoint to poll."
                    : $"{key}:url '{raw}' ({who}) is not an absolute http(s) URL.");
            }

            if (service.StatusPageUrl is { } page && !Uri.TryCreate(page, UriKind.Absolute, out _))
            {
                errors.Add($"{key}:statusPageUrl '{page}' ({who}) is not an absolute URL.");
            }

            if (service.Settings?.GetSection("components") is { } filter && filter.Exists()
                && (filter.Value is not null || service.Components is not { Count: > 0 } || service.Components.Any(c => c.Length == 0)))
            {
                errors.Add($"{key}:components ({who}) must be a list of component names, ids or globs such as [\"Actions\", \"*eu-west-1*\"].");
            }

            if (service.Settings?["probe"] is { Length: > 0 } probeText
                && (service.Probe is null || (service.Probe.Scheme != Uri.UriSchemeHttp && service.Probe.Scheme != Uri.UriSchemeHttps)))
            {
                errors.Add($"{key}:probe '{probeText}' ({who}) is not an absolute http(s) URL.");
            }

            if (service.Provider == ServiceDefinition.AutoDetect)
            {
                // Detected by the engine from the base URL; nothing more to check here.
            }
            else if (!providers.TryGet(service.Provider, out var provider))
            {
                var names = string.Join(", ", providers.Names.Append(ServiceDefinition.AutoDetect).Order(StringComparer.Ordinal));
                errors.Add(string.IsNullOrEmpty(service.Provider)
                    ? $"{key}:provider ({who}) is missing; use one of: {names}."
                    : $"{key}:provider '{service.Provider}' ({who}) is not one of: {names}.");
            }
            else
            {
                errors.AddRange(provider.Validate(service.ProviderInput).Select(problem => $"{key} ({who}): {problem}"));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
