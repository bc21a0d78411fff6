using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace StatusBoard.Web.Boards;

/// <summary>
/// Checks every board in one pass, one message per problem naming its key, so a bad board fails start-up (or is
/// rejected on reload) with a readable report. A board that selects nothing today is only a warning (see BoardCatalog):
/// its services may be added to the catalog later.
/// </summary>
public sealed partial class ValidateBoardsOptions : IValidateOptions<BoardsOptions>
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9*]+(-[a-z0-9*]+)*$")]
    private static partial Regex ServicePattern();

    public ValidateOptionsResult Validate(string? name, BoardsOptions options)
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (board, index) in options.Boards.Select((b, i) => (b, i)))
        {
            var key = $"StatusBoard:Boards:{index}";
            var who = board.Id.Length > 0 ? $"board '{board.Id}'" : $"board {index}";
            if (!IdPattern().IsMatch(board.Id))
            {
                errors.Add($"{key}:id '{board.Id}' must be lowercase letters, digits and single dashes.");
            }
            else if (!seen.TryAdd(board.Id, key))
            {
                errors.Add($"{key}:id '{board.Id}' is a duplicate: {seen[board.Id]} already uses it.");
            }
            if (string.IsNullOrWhiteSpace(board.Title))
            {
                errors.Add($"{key}:title ({who}) is missing: give the heading the board shows.");
            }
            if (board.Services.Count == 0 && board.Categories.Count == 0)
            {
                errors.Add($"{key} ({who}) selects nothing: give services (ids or globs such as \"aws-*\") or categories.");
            }
            foreach (var (pattern, at) in board.Services.Select((p, i) => (p, i)))
            {
                if (!ServicePattern().IsMatch(pattern))
                {
                    errors.Add($"{key}:services:{at} '{pattern}' ({who}) must be a service id or a glob such as \"aws-*\".");
                }
            }
            foreach (var (category, at) in board.Categories.Select((c, i) => (c, i)))
            {
                if (string.IsNullOrWhiteSpace(category))
                {
                    errors.Add($"{key}:categories:{at} ({who}) is empty: give a category name.");
                }
            }
            foreach (var (id, at) in board.Order.Select((o, i) => (o, i)))
            {
                if (!IdPattern().IsMatch(id))
                {
                    errors.Add($"{key}:order:{at} '{id}' ({who}) must be a service id.");
                }
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
