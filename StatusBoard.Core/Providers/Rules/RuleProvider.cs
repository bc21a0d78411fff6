using System.Text.RegularExpressions;

namespace StatusBoard.Core.Providers.Rules;

/// <summary>
/// Base of the providers driven by a rule object in their catalog entry (html, rss, json, http): rules are read once,
/// validated at start-up through <see cref="Validate"/>, and a rule problem or timeout becomes one failed result that
/// names it, never an exception.
/// </summary>
internal abstract class RuleProvider<TRules> : IStatusProvider where TRules : class, IProviderRules<TRules>
{
    private readonly RuleCache<TRules> _rules = new();

    public abstract string Name { get; }

    public virtual bool AcceptsAnyStatusCode => false;

    public IEnumerable<string> Validate(ProviderInput input) => _rules.Get(input).Errors;

    public ProviderResult Parse(ProviderInput input, FetchedPayload payload)
    {
        var rules = _rules.Get(input);
        if (rules.Errors.Count > 0)
        {
            return Fail(rules.Errors[0]);
        }
        try
        {
            return Read(rules, payload);
        }
        catch (RuleTimeoutException ex)
        {
            return Fail(ex.Message);
        }
        catch (RegexMatchTimeoutException)
        {
            // One of our own text-cleaning expressions gave up on a hostile payload.
            return Fail("reading the payload's text timed out");
        }
    }

    /// <summary>Reads a payload with valid rules; may return <see cref="Fail"/> with a reason.</summary>
    protected abstract ProviderResult Read(TRules rules, FetchedPayload payload);

    protected ProviderResult Fail(string reason) => ProviderResult.Fail($"{Name}: {reason}");
}
