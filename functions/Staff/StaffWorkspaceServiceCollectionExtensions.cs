using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff;

public static class StaffWorkspaceServiceCollectionExtensions
{
    /// <summary>The workspace's own HTTP-side services; the domain's (worklist, corrections) come with the app's composition.</summary>
    public static IServiceCollection AddStaffWorkspace(this IServiceCollection services)
    {
        services.TryAddSingleton<StaffSignIn>();
        services.TryAddScoped<StaffEnquiryDetails>();
        return services;
    }
}
