using System.Reflection;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Workspace;

namespace OnePointEntry.Bench.Worklist;

/// <summary>
/// The app's own <c>EnquiryEntityMapper</c> (internal to the infrastructure), reached by reflection so that the
/// rows loaded in bulk are exactly those the store writes: the enquiry, its submission marks and its audit rows.
/// </summary>
internal static class EnquiryRows
{
    private static readonly Type s_mapper = typeof(TableEnquiryStore).Assembly.GetType("OnePointEntry.Infrastructure.Storage.EnquiryEntityMapper", throwOnError: true)!;
    private static readonly Func<Enquiry, TableEntity> s_enquiry = Method<Func<Enquiry, TableEntity>>(typeof(Enquiry));
    private static readonly Func<StatusChange, TableEntity> s_statusChange = Method<Func<StatusChange, TableEntity>>(typeof(StatusChange));
    private static readonly Func<WorklistEntry, TableEntity> s_work = Method<Func<WorklistEntry, TableEntity>>(typeof(WorklistEntry));
    private static readonly Func<SubmissionMark, string, EnquiryReference, DateTimeOffset, TableEntity> s_mark =
        Method<Func<SubmissionMark, string, EnquiryReference, DateTimeOffset, TableEntity>>(typeof(SubmissionMark), typeof(string), typeof(EnquiryReference), typeof(DateTimeOffset));

    public static TableEntity Of(Enquiry enquiry) => s_enquiry(enquiry);

    public static TableEntity Of(StatusChange change) => s_statusChange(change);

    /// <summary>An open enquiry's line in the worklist's index, as the store writes it beside the enquiry.</summary>
    public static TableEntity Of(WorklistEntry entry) => s_work(entry);

    public static TableEntity Of(SubmissionMark mark, Enquiry enquiry) => s_mark(mark, enquiry.Reference.ReceivedMonth, enquiry.Reference, enquiry.ReceivedAt);

    private static T Method<T>(params Type[] parameters)
        where T : Delegate =>
        (s_mapper.GetMethod("ToEntity", BindingFlags.Public | BindingFlags.Static, parameters)
            ?? throw new InvalidOperationException($"EnquiryEntityMapper.ToEntity({string.Join(", ", parameters.Select(type => type.Name))}) is gone: update the bench."))
        .CreateDelegate<T>();
}
