using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Engine;

/// <summary>Checks every <see cref="EngineOptions"/> range in one pass; each message names its configuration key.</summary>
internal sealed class ValidateEngineOptions : IValidateOptions<EngineOptions>
{
    private const string Prefix = "StatusBoard:";

    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        List<string> errors = [];
        Positive(errors, nameof(options.RequestTimeout), options.RequestTimeout);
        if (options.IncidentPollInterval < TimeSpan.FromSeconds(1))
        {
            // Faster than once a second is hammering a page that is already in trouble, not watching it.
            errors.Add($"{Prefix}{nameof(options.IncidentPollInterval)} must be at least 00:00:01 (got {options.IncidentPollInterval}).");
        }
        AtLeastOne(errors, nameof(options.MaxConcurrentRequests), options.MaxConcurrentRequests);
        Fraction(errors, nameof(options.Jitter), options.Jitter, 0.5);
        if (options.MaxResponseBytes <= 0)
        {
            errors.Add($"{Prefix}{nameof(options.MaxResponseBytes)} must be positive (got {options.MaxResponseBytes}).");
        }
        AtLeastOne(errors, nameof(options.MaxRequestsPerHost), options.MaxRequestsPerHost);
        NotNegative(errors, nameof(options.HostSpacing), options.HostSpacing);
        AtLeastOne(errors, nameof(options.BreakerThreshold), options.BreakerThreshold);
        Positive(errors, nameof(options.BackoffCap), options.BackoffCap);
        Fraction(errors, nameof(options.BackoffJitter), options.BackoffJitter, 0.5);
        AtLeastOne(errors, nameof(options.FailuresBeforeUnknown), options.FailuresBeforeUnknown);
        AtLeastOne(errors, nameof(options.StaleAfterIntervals), options.StaleAfterIntervals);
        if (options.OfflineFraction is not (> 0 and <= 1))
        {
            errors.Add($"{Prefix}{nameof(options.OfflineFraction)} must be in (0, 1] (got {options.OfflineFraction}).");
        }
        AtLeastOne(errors, nameof(options.OfflineMinServices), options.OfflineMinServices);
        foreach (var (url, index) in options.Canaries.Select((u, i) => (u, i)))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var canary) || canary.Scheme is not ("http" or "https"))
            {
                errors.Add($"{Prefix}{nameof(options.CanaryUrls)}:{index} '{url}' is not an absolute http(s) URL.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{key} must be positive (got {value}).");
        }
    }

    private static void NotNegative(List<string> errors, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{key} must not be negative (got {value}).");
        }
    }

    private static void AtLeastOne(List<string> errors, string key, int value)
    {
        if (value < 1)
        {
            errors.Add($"{Prefix}{key} must be at least 1 (got {value}).");
        }
    }

    private static void Fraction(List<string> errors, string key, double value, double max)
    {
        if (double.IsNaN(value) || value < 0 || value > max)
        {
            errors.Add($"{Prefix}{key} must be between 0 and {max} (got {value}).");
        }
    }
}
