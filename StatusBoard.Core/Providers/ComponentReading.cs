using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>
/// Components whose status value a provider does not recognise: shown as unknown with the raw value beside the name,
/// and never counted in the service's level, which comes from what was understood.
/// </summary>
internal static class ComponentReading
{
    // ComponentStatus has no field for a raw value, so the value travels in the name; NameOf takes it off again.
    private const string NotePrefix = " (unrecognised status '";

    public static ComponentStatus Unrecognised(string id, string name, string? raw, string? group = null) =>
        new(id, $"{name}{NotePrefix}{raw ?? "(missing)"}')", StatusLevel.Unknown, group);

    /// <summary>The component's own name, without the unrecognised-status note (what filters and incidents name).</summary>
    public static string NameOf(ComponentStatus component) =>
        component.Status == StatusLevel.Unknown && component.Name.LastIndexOf(NotePrefix, StringComparison.Ordinal) is var at and >= 0
            ? component.Name[..at]
            : component.Name;

    /// <summary>True when there are components and not one of them could be read.</summary>
    public static bool NoneUnderstood(IReadOnlyCollection<ComponentStatus> components) =>
        components.Count > 0 && components.All(c => c.Status == StatusLevel.Unknown);

    /// <summary>The levels that count: unknown components say nothing about the service.</summary>
    public static IEnumerable<StatusLevel> Understood(IEnumerable<ComponentStatus> components) =>
        components.Where(c => c.Status != StatusLevel.Unknown).Select(c => c.Status);
}
