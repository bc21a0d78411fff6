using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>What a page's own headline claims: the level its words imply, and the words (e.g. "All Systems Operational").</summary>
internal sealed record PageHeadline(StatusLevel Level, string Text);
