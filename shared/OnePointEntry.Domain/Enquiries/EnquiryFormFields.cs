namespace OnePointEntry.Enquiries;

/// <summary>
/// The field names of the enquiry form, the same in JSON and in form-urlencoded bodies, and the names
/// errors are reported under, so a page can show each error next to its field. Constants, for the places that
/// need one; everything else about a field is in <see cref="Fields.EnquiryFields"/>.
/// </summary>
public static class EnquiryFormFields
{
    public const string Organisation = "organisation";
    public const string Country = "country";
    public const string City = "city";
    public const string ContactName = "contactName";
    public const string ContactEmail = "contactEmail";
    public const string Phone = "phone";
    public const string DelegationSize = "delegationSize";
    public const string ArrivalDate = "arrivalDate";
    public const string DepartureDate = "departureDate";
    public const string Purpose = "purpose";
    public const string Themes = "themes";
    public const string ReferredBy = "referredBy";
    public const string Language = "language";

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public const string Website = "website";
}
