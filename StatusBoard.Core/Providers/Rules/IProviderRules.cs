namespace StatusBoard.Core.Providers.Rules;

/// <summary>A provider's rule object, read (and checked) once per catalog entry.</summary>
internal interface IProviderRules<TSelf> where TSelf : IProviderRules<TSelf>
{
    /// <summary>Reads the rule object of an entry; problems go to <see cref="Errors"/>, never into exceptions.</summary>
    static abstract TSelf Read(ProviderInput input);

    /// <summary>Every problem found, each naming its full configuration key.</summary>
    IReadOnlyList<string> Errors { get; }
}
