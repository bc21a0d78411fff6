using Microsoft.AspNetCore.Components;
using StatusBoard.Web.Boards;

namespace StatusBoard.Web.Components.Pages;

/// <summary>
/// <c>/b/{id}</c>: the board UI limited to one team board. Follows board reloads; an unknown id answers 404
/// with the list of boards.
/// </summary>
public partial class TeamBoard : IDisposable
{
    private BoardView? _view;

    [Inject]
    public required BoardCatalog Boards { get; init; }

    /// <summary>The board's id, from the URL.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    /// <summary>Present while prerendering: the one moment the page can still choose its HTTP status.</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    protected override void OnInitialized() => Boards.Changed += OnBoardsChanged;

    protected override void OnParametersSet()
    {
        _view = Boards.Find(Id);
        if (_view is null && HttpContext is { Response.HasStarted: false } http)
        {
            // Set as the headers go out: a 404 set during rendering makes the framework drop the page's body.
            http.Response.OnStarting(() =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
    }

    private void OnBoardsChanged() => _ = InvokeAsync(() =>
    {
        _view = Boards.Find(Id);
        StateHasChanged();
    });

    public void Dispose() => Boards.Changed -= OnBoardsChanged;
}
