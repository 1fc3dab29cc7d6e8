namespace OnePointEntry.Enquiries;

/// <summary>
/// Longest accepted value of each text field, in characters. Generous for real enquiries, and small
/// enough that a stored enquiry stays far below Table Storage's 64 KiB per property and 1 MiB per entity.
/// Constants, for the places that need one; the form, the validation and the editor read them from each field of
/// <see cref="Fields.EnquiryFields"/>.
/// </summary>
public static class EnquiryFieldLimits
{
    public const int Organisation = 200;
    public const int Country = 100;
    public const int City = 100;
    public const int ContactName = 150;
    public const int ContactEmail = 254;
    public const int Phone = 40;
    public const int Purpose = 10_000;
    public const int ReferredBy = 150;
    public const int Themes = 15;
    public const int MinDelegationSize = 1;
    public const int MaxDelegationSize = 500;
}
