namespace Microsoft365StandIn.Planner;

/// <summary>The one Planner plan the stand-in always has, with its one bucket.</summary>
internal static class ScreeningPlan
{
    public const string PlanId = "xqQg5FS2LkCp935s-FIFm2QAFkHM";
    public const string Title = "One-Point Entry screening";
    public const string BucketId = "hsOf2dhOJkqyYYZEtdzDe2QAIUCR";
    public const string BucketName = "Screening";

    /// <summary>The object id of the Microsoft 365 group that owns the plan.</summary>
    public const string GroupId = "3f6b1c2e-8d4a-4e27-9b5c-0a1d2e3f4a5b";
}
