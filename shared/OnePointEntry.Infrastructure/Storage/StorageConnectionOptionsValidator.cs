using Microsoft.Extensions.Options;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>Fails start-up with the name of the missing setting rather than at the first request.</summary>
internal sealed class StorageConnectionOptionsValidator : IValidateOptions<StorageConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageConnectionOptions options)
    {
        if (options.UsesConnectionString)
        {
            return ValidateOptionsResult.Success;
        }

        if (!string.IsNullOrWhiteSpace(options.AccountName) || (options.TableServiceUri is not null && options.QueueServiceUri is not null && options.BlobServiceUri is not null))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"Storage is not configured: set {StorageConnectionOptions.SettingName} to a connection string (UseDevelopmentStorage=true for Azurite), " +
            $"or for an identity-based connection set {StorageConnectionOptions.SettingName}__accountName " +
            $"(or all of {StorageConnectionOptions.SettingName}__tableServiceUri, {StorageConnectionOptions.SettingName}__queueServiceUri and {StorageConnectionOptions.SettingName}__blobServiceUri).");
    }
}
