using OnePointEntry.Directories;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Domain.Tests.Screening.Decision;

/// <summary>A small One-Point Entry: people and contact details fictional, the organisations real.</summary>
internal static class DecisionTestData
{
    // Wednesday 25 November 2026, 10:00 in Copenhagen.
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

    public static StaffMember ChenLi { get; } = new("chen.li", "Chen Li", ["zh", "en"], ["fur-industry", "investment-trade"], 5, true);

    public static StaffMember ZhangWei { get; } = new("zhang.wei", "Zhang Wei", ["zh", "en"], ["energy-climate", "sustainable-urban-development", "water-environment"], 4, true);

    public static StaffMember MetteHansen { get; } = new("mette.hansen", "Mette Hansen", ["da", "en", "sv"], ["life-science-medtech", "public-governance", "welfare-eldercare"], 6, true);

    public static StaffMember LarsNielsen { get; } = new("lars.nielsen", "Lars Nielsen", ["da", "en", "de"], ["energy-climate", "maritime-logistics", "water-environment"], 5, true);

    public static StaffMember SarahJones { get; } = new("sarah.jones", "Sarah Jones", ["en"], ["digital-tech", "education-research", "life-science-medtech"], 5, true);

    public static StaffMember AnneKjaer { get; } = new("anne.kjaer", "Anne Kjær", ["da", "en"], ["public-governance"], 2, true, IsTeamLead: true);

    public static StaffMember PeterHolm { get; } = new("peter.holm", "Peter Holm", ["zh", "da", "en"], ["fur-industry", "investment-trade"], 8, false);

    public static IReadOnlyList<StaffMember> Staff { get; } = [ChenLi, ZhangWei, MetteHansen, LarsNielsen, SarahJones, AnneKjaer, PeterHolm];

    public static IReadOnlyList<Partner> Partners { get; } =
    [
        new("glostrup-kommune", "Glostrup Kommune", PartnerKind.Municipality, "Glostrup", ["public-governance", "sustainable-urban-development"], ["da", "en"], null, ["Glostrup Municipality"]),
        new("kopenhagen-fur", "Kopenhagen Fur", PartnerKind.Company, "Glostrup", ["fur-industry", "investment-trade"], ["da", "en", "zh"], null, ["Copenhagen Fur", "哥本哈根皮草"]),
        new("glostrup-shopping", "Glostrup Storcenter", PartnerKind.Company, "Glostrup", ["tourism-culture"], ["da"], null, []),
        new("hofor", "HOFOR", PartnerKind.Company, "København", ["energy-climate", "water-environment"], ["da", "en"], null, ["Greater Copenhagen Utility"]),
        new("koebenhavns-kommune", "Københavns Kommune", PartnerKind.Municipality, "København", ["energy-climate", "public-governance", "sustainable-urban-development"], ["da", "en", "zh"], null, ["City of Copenhagen"]),
        new("dtu", "Technical University of Denmark", PartnerKind.University, "Lyngby-Taarbæk", ["digital-tech", "education-research", "energy-climate", "life-science-medtech"], ["da", "en"], null, ["DTU"]),
        new("medicon-valley", "Medicon Valley Alliance", PartnerKind.Cluster, "København", ["life-science-medtech", "science-clusters"], ["da", "en", "sv"], null, []),
        new("copenhagen-capacity", "Copenhagen Capacity", PartnerKind.Agency, "København", ["investment-trade"], ["da", "en", "zh"], null, []),
        new("region-hovedstaden", "Region Hovedstaden", PartnerKind.Region, null, ["welfare-eldercare", "life-science-medtech"], ["da", "en"], null, ["Capital Region of Denmark"]),
    ];

    public static IReadOnlyDictionary<string, int> NoLoad { get; } = new Dictionary<string, int>();

    public static EnquirySubmission Submission(string purpose, string? language = "en", string organisation = "Liaoyang Municipal People's Government") => new()
    {
        Organisation = organisation,
        Country = "China",
        City = "Liaoyang",
        ContactEmail = "wang.fang@example.cn",
        Purpose = purpose,
        Language = language,
        DelegationSize = 6,
        ArrivalDate = new DateOnly(2027, 1, 5),
        DepartureDate = new DateOnly(2027, 1, 7),
    };

    public static ScreenedFacts Facts(params string[] themes) => new()
    {
        CountryCode = "CN",
        Region = "Liaoning",
        City = "Liaoyang",
        Sector = "public",
        Level = "municipal",
        Themes = [.. themes.Order(StringComparer.Ordinal)],
        ScreenedAt = Now,
    };

    public static Enquiry Enquiry(EnquirySubmission submission, ScreenedFacts? facts) => new()
    {
        Reference = EnquiryReference.New(new DateOnly(2026, 11, 25)),
        Source = EnquirySource.WebForm,
        ReceivedAt = Now.AddMinutes(-30),
        Status = EnquiryStatus.Screened,
        Submission = submission,
        Screening = facts,
    };
}
