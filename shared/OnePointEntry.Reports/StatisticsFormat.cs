namespace OnePointEntry.Reports;

public enum StatisticsFormat
{
    Json,
    Html,
    Png,
}
