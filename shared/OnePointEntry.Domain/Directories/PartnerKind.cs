namespace OnePointEntry.Directories;

/// <summary>What sort of organisation a partner is. Stored by name.</summary>
public enum PartnerKind
{
    Municipality,
    Region,
    Company,
    Cluster,
    University,
    Agency,
    Other,
}
