using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications;

/// <summary>Whether a service is on a team board (boards live in the web app; Core alone knows no boards).</summary>
public interface IBoardMembership
{
    bool IsOn(string boardId, ServiceStatus service);
}

/// <summary>The membership when no boards are registered: a route filtered by boards matches nothing.</summary>
public sealed class NoBoards : IBoardMembership
{
    public bool IsOn(string boardId, ServiceStatus service) => false;
}
