namespace StatusBoard.Web.Circuits;

/// <summary><c>StatusBoard:MaxCircuits</c>: live dashboards beyond this get the light view.</summary>
public sealed class LightViewOptions
{
    /// <summary>
    /// A circuit costs a few hundred kB of server memory for as long as the tab is open; the light view costs one
    /// SSE connection. 0 sends everyone to the light view.
    /// </summary>
    public int MaxCircuits { get; set; } = 1000;
}
