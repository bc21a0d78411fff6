using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Engine;

/// <summary>
/// <see cref="IOptions{T}"/> of the engine settings that follows configuration reloads, so a part that reads
/// <c>Value</c> per poll uses the edited intervals, limits and politeness from its next poll on. An edit that fails
/// validation keeps the last valid settings (logged once per distinct rejection).
/// </summary>
internal sealed partial class LiveEngineOptions(IOptionsMonitor<EngineOptions> monitor, ILogger<LiveEngineOptions> logger) : IOptions<EngineOptions>
{
    private EngineOptions _lastValid = monitor.CurrentValue;
    private string? _lastRejection;

    public EngineOptions Value
    {
        get
        {
            try
            {
                return _lastValid = monitor.CurrentValue;
            }
            catch (OptionsValidationException ex)
            {
                if (ex.Message != Interlocked.Exchange(ref _lastRejection, ex.Message))
                {
                    LogRejected(logger, ex.Message);
                }
                return _lastValid;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Engine settings edit rejected; the running settings stay in force: {Messages}")]
    private static partial void LogRejected(ILogger logger, string messages);
}
