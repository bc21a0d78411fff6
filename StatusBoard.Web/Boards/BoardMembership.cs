using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Boards;

/// <summary>Notification routes filtered by <c>boards</c> ask the running boards (reloads included).</summary>
public sealed class BoardMembership(BoardCatalog boards) : IBoardMembership
{
    public bool IsOn(string boardId, ServiceStatus service) => boards.Find(boardId)?.Contains(service) ?? false;
}
