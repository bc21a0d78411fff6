namespace StatusBoard.Web.Boards;

/// <summary>Team boards: named views of the catalog (<c>StatusBoard:Boards</c>).</summary>
public sealed class BoardsOptions
{
    public const string SectionName = "StatusBoard";

    /// <summary>The configured boards, in chooser order. Defaults to none.</summary>
    public List<BoardDefinition> Boards { get; set; } = [];
}

/// <summary>One board: which services it shows and, optionally, in which order.</summary>
public sealed class BoardDefinition
{
    /// <summary>Lowercase id, used in <c>/b/{id}</c>, <c>/wall?board={id}</c>, badges and the API.</summary>
    public string Id { get; set; } = "";

    /// <summary>Heading and tab title of the board.</summary>
    public string Title { get; set; } = "";

    /// <summary>Service ids or <c>*</c> globs on ids.</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>Category names (case-insensitive): every service of these categories is on the board.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Service ids shown first, in this order; the rest follow. Defaults to none (problems first).</summary>
    public List<string> Order { get; set; } = [];
}
