using System.Data.Common;

namespace StatusBoard.Core.History;

/// <summary>Adds <c>@name</c> parameters to a command of either driver (null becomes SQL NULL).</summary>
internal static class HistoryParameters
{
    public static DbParameter Create(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
