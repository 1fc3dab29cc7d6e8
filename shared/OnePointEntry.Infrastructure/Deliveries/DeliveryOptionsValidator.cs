using Microsoft.Extensions.Options;
using OnePointEntry.Deliveries;

namespace OnePointEntry.Infrastructure.Deliveries;

/// <summary>Refuses to start with retry settings that cannot work, naming the setting.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
