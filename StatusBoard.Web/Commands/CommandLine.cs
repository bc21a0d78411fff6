namespace StatusBoard.Web.Commands;

/// <summary>
/// The commands that run instead of the server (<c>detect</c>, <c>validate</c>, <c>notify-test</c>): they print to the given writers and
/// return an exit code. Anything else on the command line is configuration for the server.
/// </summary>
public static class CommandLine
{
    /// <summary>The command's exit code, or null when <paramref name="args"/> names no command (start the server).</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // `dotnet run` puts the project's own switches (--contentRoot …) before the user's arguments.
        var (operands, _) = Split(args);
        if (operands.Length == 0 || operands[0] is not ("detect" or "validate" or "notify-test"))
        {
            return null;
        }
        var at = Array.IndexOf(args, operands[0]);
        string[] rest = [.. args[..at], .. args[(at + 1)..]];
        return operands[0] switch
        {
            "detect" => await DetectCommand.RunAsync(rest, output, error, cancellationToken),
            "notify-test" => await NotifyTestCommand.RunAsync(rest, output, error, cancellationToken),
            _ => ValidateCommand.Run(rest, output, error),
        };
    }

    /// <summary>Splits a command's arguments into its own operands and configuration switches (<c>--Key=value</c>, <c>--demo</c>).</summary>
    internal static (string[] Operands, string[] Configuration) Split(string[] args)
    {
        var operands = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                configuration.Add(args[i]);
                // "--Key value" form: the value belongs to the switch.
                if (!args[i].Contains('=', StringComparison.Ordinal) && args[i] != "--demo" && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    configuration.Add(args[++i]);
                }
            }
            else
            {
                operands.Add(args[i]);
            }
        }
        return (operands.ToArray(), configuration.ToArray());
    }
}
