using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Configuration;

/// <summary>
/// Binds an options class property by property and reports every value that does not convert (with its key and the
/// expected form) through the options' validation, instead of letting the binder throw at the first one. So
/// <c>RequestTimeout=banana</c> and <c>MaxConcurrentRequests=lots</c> end in the same one-message-per-problem report as
/// a value out of range — at start-up and on a reload.
/// </summary>
public static class ReportingBinder
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> (re-read on every change, like
    /// <c>Bind</c>); values that do not convert fail validation with their key.
    /// </summary>
    public static OptionsBuilder<T> BindReporting<T>(this OptionsBuilder<T> builder, IConfigurationSection section) where T : class
    {
        var errors = new ConversionErrors();
        builder.Configure(options => errors.Set(options, Bind(section, options)));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<T>>(new ConfigurationChangeTokenSource<T>(builder.Name, section));
        builder.Services.AddSingleton<IValidateOptions<T>>(new ConversionValidator<T>(errors));
        return builder;
    }

    /// <summary>Copies every convertible value of <paramref name="section"/> onto <paramref name="options"/>; returns the problems.</summary>
    public static IReadOnlyList<string> Bind(IConfigurationSection section, object options)
    {
        var problems = new List<string>();
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var child = section.GetSection(property.Name);
            if (!child.Exists())
            {
                continue;
            }
            try
            {
                if (child.Get(property.PropertyType) is { } value)
                {
                    property.SetValue(options, value);
                }
            }
            catch (InvalidOperationException)
            {
                problems.Add(Describe(child, property.PropertyType));
            }
        }
        return problems;
    }

    private static string Describe(IConfigurationSection child, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var expected = target switch
        {
            _ when target == typeof(TimeSpan) => "a time span such as 00:00:05 (hh:mm:ss) or 1.00:00:00 (one day)",
            _ when target == typeof(int) || target == typeof(long) => "a whole number such as 20",
            _ when target == typeof(double) => "a number such as 0.1",
            _ when target == typeof(bool) => "true or false",
            _ when target.IsEnum => "one of: " + string.Join(", ", Enum.GetNames(target)),
            _ when target.IsArray => "a list of values",
            _ => "a value of type " + target.Name,
        };
        var shown = child.Value is { } raw ? $" '{raw}'" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{child.Path}{shown} is not {expected}.");
    }

    /// <summary>The conversion problems of the latest bind, per options instance (named options bind separately).</summary>
    private sealed class ConversionErrors
    {
        private readonly ConditionalWeakTable<object, IReadOnlyList<string>> _byInstance = new();

        public void Set(object options, IReadOnlyList<string> problems) => _byInstance.AddOrUpdate(options, problems);

        public IReadOnlyList<string> For(object options) => _byInstance.TryGetValue(options, out var problems) ? problems : [];
    }

    private sealed class ConversionValidator<T>(ConversionErrors errors) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            errors.For(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
