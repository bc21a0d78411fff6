using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications.Channels;

namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>Every problem with the delivery settings at once, each naming its key (start-up and reloads).</summary>
public sealed class ValidateNotificationDeliveryOptions : IValidateOptions<NotificationDeliveryOptions>
{
    private const string Section = NotificationDeliveryOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NotificationDeliveryOptions options)
    {
        var errors = new List<string>();
        Positive(errors, nameof(options.GiveUpAfter), options.GiveUpAfter);
        Positive(errors, nameof(options.FirstBackoff), options.FirstBackoff);
        Positive(errors, nameof(options.MaxBackoff), options.MaxBackoff);
        Positive(errors, nameof(options.SendTimeout), options.SendTimeout);
        Positive(errors, nameof(options.PollInterval), options.PollInterval);
        if (options.MinInterval < TimeSpan.Zero)
        {
            errors.Add($"{Section}:MinInterval must not be negative.");
        }
        if (options.MaxBackoff < options.FirstBackoff)
        {
            errors.Add($"{Section}:MaxBackoff must be at least {Section}:FirstBackoff.");
        }
        if (options.DegradedAfterFailures < 1)
        {
            errors.Add($"{Section}:DegradedAfterFailures must be at least 1.");
        }
        if (options.Smtp.Port is < 1 or > 65535)
        {
            errors.Add($"{Section}:Smtp:Port must be between 1 and 65535.");
        }
        if (!EmailChannel.SecurityModes.Contains(options.Smtp.Security, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{Section}:Smtp:Security '{options.Smtp.Security}' is not one of: {string.Join(", ", EmailChannel.SecurityModes)}.");
        }
        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{key} must be positive.");
        }
    }
}
