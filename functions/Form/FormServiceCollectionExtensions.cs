using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OnePointEntry.Functions.Form;

public static class FormServiceCollectionExtensions
{
    /// <summary>The web form's pages; needs the domain's country directory and theme taxonomy (<c>AddEnquiryDomain</c>).</summary>
    public static IServiceCollection AddEnquiryForm(this IServiceCollection services)
    {
        services.TryAddSingleton<FormPages>();
        services.TryAddSingleton<FormAnswers>();
        return services;
    }
}
