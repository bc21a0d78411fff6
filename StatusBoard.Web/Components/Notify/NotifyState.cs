namespace StatusBoard.Web.Components.Notify;

/// <summary>This browser's notification state, as js/browser-notify.js reports it.</summary>
public sealed class NotifyState
{
    /// <summary><c>default</c>, <c>granted</c>, <c>denied</c> or <c>unsupported</c>.</summary>
    public string Permission { get; set; } = "default";

    /// <summary>Notifications about pinned services are switched on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Services this browser waits on ("tell me when it's back").</summary>
    public string[] Watches { get; set; } = [];
}
