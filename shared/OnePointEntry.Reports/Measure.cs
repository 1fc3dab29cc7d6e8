namespace OnePointEntry.Reports;

/// <summary>What a headline counts.</summary>
public enum Measure
{
    DelegationsFacilitated,
    EnquiriesReceived,
}
