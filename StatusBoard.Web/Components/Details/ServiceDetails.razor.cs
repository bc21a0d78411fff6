using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Web.Components.Details;

/// <summary>The details of one service, used by the drawer on the board and by <c>/service/{id}</c>.</summary>
public partial class ServiceDetails
{
    /// <summary>The service to show.</summary>
    [Parameter, EditorRequired]
    public required ServiceStatus Status { get; set; }

    /// <summary>The current time, for relative labels.</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    private RenderFragment When(DateTimeOffset? at, string none) => builder =>
    {
        if (at is not { } value)
        {
            builder.AddContent(0, none);
            return;
        }
        builder.AddContent(0, Absolute(value) + " (");
        builder.OpenElement(1, "time");
        builder.AddAttribute(2, "data-relative", true);
        builder.AddAttribute(3, "datetime", value.ToString("O"));
        builder.AddContent(4, RelativeTime.Format(Now - value));
        builder.CloseElement();
        builder.AddContent(5, ")");
    };

    public static string Absolute(DateTimeOffset? at) => at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'") : "—";

    /// <summary>Only http(s) links become anchors: an upstream <c>javascript:</c> URL stays text.</summary>
    public static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
