namespace StatusBoard.Core.Providers.Rules;

/// <summary>
/// A rule's regular expression gave up on this payload. Thrown deep inside rule evaluation and turned into one
/// failed result by <see cref="RuleProvider{TRules}"/>: it never leaves a provider.
/// </summary>
internal sealed class RuleTimeoutException(string source, TimeSpan timeout)
    : Exception($"the rule {source} timed out after {timeout.TotalMilliseconds:0} ms on this payload, so the page cannot be read reliably");
