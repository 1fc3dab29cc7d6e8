namespace OnePointEntry.Directories;

/// <summary>An organisation in Greater Copenhagen that delegations can meet.</summary>
/// <param name="Id">A stable slug, e.g. <c>glostrup-kommune</c>.</param>
/// <param name="Municipality">The municipality it lies in, by its local name without "Kommune" (<c>Glostrup</c>).</param>
/// <param name="Themes">Taxonomy theme ids it can show delegations.</param>
/// <param name="Languages">ISO 639-1 codes it can host a visit in.</param>
/// <param name="Aliases">Other names a delegation may ask for it by (e.g. "Copenhagen Fur").</param>
public sealed record Partner(
    string Id,
    string Name,
    PartnerKind Kind,
    string? Municipality,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Languages,
    PartnerContact? Contact,
    IReadOnlyList<string> Aliases);
