using System.Collections.Frozen;
using System.Text.RegularExpressions;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Components.Pages;

namespace StatusBoard.Web.Boards;

/// <summary>
/// A validated board, ready to select: a service is on it when its id matches one of the board's services (ids or
/// <c>*</c> globs) or its category is one of the board's categories (case-insensitive).
/// </summary>
public sealed class BoardView
{
    private readonly Regex[] _services;
    private readonly FrozenSet<string> _categories;
    private readonly FrozenDictionary<string, int> _rank;

    public BoardView(BoardDefinition definition)
    {
        Id = definition.Id;
        Title = definition.Title;
        _services = [.. definition.Services.Select(Glob)];
        _categories = definition.Categories.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _rank = definition.Order.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((id, i) => (id, i)).ToFrozenDictionary(p => p.id, p => p.i, StringComparer.OrdinalIgnoreCase);
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>True when the board has its own <c>order</c>.</summary>
    public bool HasOrder => _rank.Count > 0;

    /// <summary>The URL path of the board's page.</summary>
    public string Path => "b/" + Uri.EscapeDataString(Id);

    public bool Contains(ServiceStatus service) =>
        _categories.Contains(service.Category) || _services.Any(glob => glob.IsMatch(service.Id));

    /// <summary>The board's services in catalog order, those named in <c>order</c> moved first in that order.</summary>
    public ServiceStatus[] Select(IEnumerable<ServiceStatus> services) =>
        [.. services.Where(Contains).Select((s, i) => (s, i)).OrderBy(p => RankOf(p.s)).ThenBy(p => p.i).Select(p => p.s)];

    /// <summary>
    /// The board page's order: pinned first, then the board's <c>order</c>, then problems first
    /// (<see cref="BoardOrder"/>; the sorts are stable, so each keeps the one before it within a tie).
    /// </summary>
    public ServiceStatus[] Sort(IEnumerable<ServiceStatus> services, IReadOnlySet<string> pinned) =>
        [.. BoardOrder.Sort(services, pinned).OrderBy(s => pinned.Contains(s.Id) ? 0 : 1).ThenBy(RankOf)];

    /// <summary>Position in <c>order</c>; services it does not name come after all that it does.</summary>
    public int RankOf(ServiceStatus service) => _rank.TryGetValue(service.Id, out var rank) ? rank : int.MaxValue;

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
