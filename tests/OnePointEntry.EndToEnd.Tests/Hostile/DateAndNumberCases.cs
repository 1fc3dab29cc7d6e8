using static OnePointEntry.EndToEnd.Tests.Hostile.Inputs;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>Numbers out of range or in other scripts, JSON number edge cases, impossible and odd dates.</summary>
public static class DateAndNumberCases
{
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("delegationSize 0", () => JsonRaw("delegationSize", "0"), Expected.Refused("delegationSize")),
        new("delegationSize 501", () => JsonRaw("delegationSize", "501"), Expected.Refused("delegationSize")),
        new("delegationSize 500", () => JsonRaw("delegationSize", "500"), Expected.Accepted(enquiry => Assert.Equal(500, enquiry.View.GetProperty("delegationSize").GetInt32()))),
        new("delegationSize 1", () => JsonRaw("delegationSize", "1"), Expected.Accepted()),
        new("delegationSize -1", () => JsonRaw("delegationSize", "-1"), Expected.Refused("delegationSize")),
        new("delegationSize -0", () => JsonRaw("delegationSize", "-0"), Expected.Refused("delegationSize")),
        new("delegationSize 1.5", () => JsonRaw("delegationSize", "1.5"), Expected.Refused("delegationSize")),
        new("delegationSize 1e2", () => JsonRaw("delegationSize", "1e2"), Expected.Refused("delegationSize")),
        new("delegationSize 1e400 (beyond a double)", () => JsonRaw("delegationSize", "1e400"), Expected.Refused("delegationSize")),
        new("delegationSize of 30 digits", () => JsonRaw("delegationSize", "123456789012345678901234567890"), Expected.Refused("delegationSize")),
        new("delegationSize 2147483648 (beyond an int)", () => JsonRaw("delegationSize", "2147483648"), Expected.Refused("delegationSize")),
        new("delegationSize in full-width digits", () => Json("delegationSize", "６"), Expected.Refused("delegationSize")),
        new("delegationSize in Arabic-Indic digits", () => Json("delegationSize", "٦"), Expected.Refused("delegationSize")),
        new("delegationSize as hexadecimal", () => Json("delegationSize", "0x10"), Expected.Refused("delegationSize")),
        new("delegationSize true", () => JsonRaw("delegationSize", "true"), Expected.Refused("delegationSize")),
        new("delegationSize as an array", () => JsonRaw("delegationSize", "[6]"), Expected.Refused("delegationSize")),
        new("delegationSize as an object", () => JsonRaw("delegationSize", "{\"value\":6}"), Expected.Refused("delegationSize")),
        new("delegationSize as text with spaces", () => Json("delegationSize", "  6  "), Expected.Accepted(enquiry => Assert.Equal(6, enquiry.View.GetProperty("delegationSize").GetInt32()))),
        new("delegationSize null is no size", () => JsonRaw("delegationSize", "null"), Expected.Accepted()),
        new("NaN as a bare JSON token", () => JsonRaw("delegationSize", "NaN"), Expected.Malformed),
        new("Infinity as a bare JSON token", () => JsonRaw("delegationSize", "Infinity"), Expected.Malformed),
        new("Leading zeros are not JSON", () => JsonRaw("delegationSize", "007"), Expected.Malformed),
        new("arrivalDate 30 February", () => Json("arrivalDate", "2027-02-30"), Expected.Refused("arrivalDate")),
        new("arrivalDate 29 February in a common year", () => Json("arrivalDate", "2027-02-29"), Expected.Refused("arrivalDate")),
        new("arrivalDate 29 February in a leap year", () => Json("arrivalDate", "2028-02-29"), Expected.Accepted(enquiry => Assert.Equal("2028-02-29", Expected.Text(enquiry.View, "arrivalDate")))),
        new("arrivalDate month 13", () => Json("arrivalDate", "2027-13-01"), Expected.Refused("arrivalDate")),
        new("arrivalDate year 0", () => Json("arrivalDate", "0000-01-01"), Expected.Refused("arrivalDate")),
        new("arrivalDate 9999-12-31", () => Json("arrivalDate", "9999-12-31"), Expected.Accepted()),
        new("arrivalDate without leading zeros", () => Json("arrivalDate", "2027-3-5"), Expected.Refused("arrivalDate")),
        new("arrivalDate with a time and zone", () => Json("arrivalDate", "2027-03-10T00:00:00Z"), Expected.Refused("arrivalDate")),
        new("arrivalDate as a number", () => JsonRaw("arrivalDate", "20270310"), Expected.Refused("arrivalDate")),
        new("arrivalDate in Danish notation", () => Json("arrivalDate", "10.03.2027"), Expected.Refused("arrivalDate")),
        new("departureDate before arrivalDate", () => Json(form => { form["arrivalDate"] = "2027-03-12"; form["departureDate"] = "2027-03-10"; }), Expected.Refused("departureDate")),
        new("visitDate 30 February in a status change", () => StatusChange("{\"status\":\"VisitScheduled\",\"changedBy\":\"anna\",\"visitDate\":\"2027-02-30\"}"), Expected.Refused("visitDate")),
        new("status as a number", () => StatusChange("{\"status\":3,\"changedBy\":\"anna\"}"), Expected.Refused("status")),
        new("status as a numeric string", () => StatusChange("{\"status\":\"3\",\"changedBy\":\"anna\"}"), Expected.Refused("status")),
        new("Mail with an impossible Date header", () => RawMail(MailText(extraHeaders: "X-Note: date below\r\n").Replace("Date: Mon, 01 Mar 2027 10:00:00 +0100", "Date: Thu, 31 Feb 2027 99:99:99 +9999", StringComparison.Ordinal)), Expected.Accepted()),
        new("Mail dated in the year 1900", () => RawMail(MailText().Replace("Mon, 01 Mar 2027 10:00:00 +0100", "Mon, 01 Jan 1900 00:00:00 +0000", StringComparison.Ordinal)), Expected.Accepted()),
        new("Mail whose text names impossible dates and sizes", () => RawMail(MailText(body: "We are 99999999999999999999 people arriving on 31 February 2027 and 2027-13-45. " + NotForScreening)), Expected.Accepted()),
    ];
}
