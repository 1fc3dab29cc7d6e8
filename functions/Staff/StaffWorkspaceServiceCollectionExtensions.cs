using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.Pages;
using OnePointEntry.Functions.Staff.Pages.Actions;
using OnePointEntry.Functions.Staff.Pages.Enquiry;
using OnePointEntry.Functions.Staff.Pages.Worklist;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff;

public static class StaffWorkspaceServiceCollectionExtensions
{
    /// <summary>The workspace's own HTTP-side services; the domain's (worklist, corrections) come with the app's composition.</summary>
    public static IServiceCollection AddStaffWorkspace(this IServiceCollection services)
    {
        services.TryAddSingleton<StaffSignIn>();
        services.TryAddScoped<StaffEnquiryDetails>();

        // The pages: the gate (sign-in and cross-site posts), the renderers and the answers that call the domain.
        services.TryAddSingleton<WorkspaceGate>();
        services.TryAddSingleton<WorkspaceChoices>();
        services.TryAddSingleton<WorklistPageRenderer>();
        services.TryAddScoped<WorklistPageAnswers>();
        services.TryAddSingleton<FactsEditorRenderer>();
        services.TryAddSingleton<EnquiryDetailsRenderer>();
        services.TryAddSingleton<EnquiryPageRenderer>();
        services.TryAddScoped<EnquiryPageAnswers>();
        services.TryAddScoped<EnquiryCorrectionAnswers>();
        services.TryAddScoped<EnquiryActionAnswers>();
        return services;
    }
}
