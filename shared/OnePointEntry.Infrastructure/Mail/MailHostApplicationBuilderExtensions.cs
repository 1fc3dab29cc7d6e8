using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Mail;

public static class MailHostApplicationBuilderExtensions
{
    /// <summary>
    /// Mail intake: notifications, the mailbox keeper, reading and extracting mail. Needs the storage
    /// adapters (<c>AddEnquiryStorage</c>) and a mailbox and sender (<c>AddGraphMail</c>).
    /// </summary>
    public static IHostApplicationBuilder AddMailIntake(this IHostApplicationBuilder builder, Func<IServiceProvider, string> mailboxAddress)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            return new MailNotificationOptions(options.ClientState, options.NotificationUrl!);
        });
        builder.Services.TryAddSingleton(provider => new MailIntakeOptions(mailboxAddress(provider)));
        builder.Services.TryAddScoped<MailIntake>();
        builder.Services.TryAddScoped<MailReader>();
        builder.Services.TryAddScoped<MailboxKeeper>();
        builder.Services.TryAddScoped<MailNotificationReceiver>();
        return builder;
    }
}
