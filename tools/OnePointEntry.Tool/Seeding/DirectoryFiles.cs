using System.Text.Json;
using OnePointEntry.Directories;

namespace OnePointEntry.Tool.Seeding;

/// <summary>Something wrong in a seed file, where a person can find it.</summary>
/// <param name="Line">1-based; null when the problem is the file itself (missing, unreadable).</param>
internal sealed record SeedProblem(string File, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>A seed file read and checked: the entries it holds, and every problem found in it.</summary>
internal sealed record SeedFile<T>(string Path, IReadOnlyList<T> Entries, IReadOnlyList<SeedProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads the staff and partner files of <c>ope seed</c> (a JSON array of objects with the fields of
/// <see cref="StaffMember"/> and <see cref="Partner"/> in camelCase) and checks every entry against
/// <see cref="DirectoryRules"/>, ids unique within the file, reporting each problem with its line.
/// </summary>
internal static class DirectoryFiles
{
    private static readonly string[] s_staffFields = ["id", "name", "languages", "themes", "weeklyScreeningCapacity", "active", "isTeamLead"];
    private static readonly string[] s_partnerFields = ["id", "name", "kind", "municipality", "themes", "languages", "contact", "aliases"];
    private static readonly string[] s_contactFields = ["name", "email", "phone"];

    public static SeedFile<StaffMember> ReadStaff(string path) =>
        Read(path, "staff member", s_staffFields, ToStaffMember, member => DirectoryRules.Check(member), member => member.Id, StringComparer.OrdinalIgnoreCase);

    public static SeedFile<Partner> ReadPartners(string path) =>
        Read(path, "partner", s_partnerFields, ToPartner, partner => DirectoryRules.Check(partner), partner => partner.Id, StringComparer.Ordinal);

    private static StaffMember ToStaffMember(EntryFields fields) => new(
        fields.Text("id"),
        fields.Text("name"),
        fields.TextList("languages"),
        fields.TextList("themes"),
        fields.WholeNumber("weeklyScreeningCapacity") ?? 0,
        fields.Flag("active", absent: true),
        fields.Flag("isTeamLead", absent: false));

    private static Partner ToPartner(EntryFields fields)
    {
        var contact = fields.Object("contact", s_contactFields);
        return new Partner(
            fields.Text("id"),
            fields.Text("name"),
            fields.Choice<PartnerKind>("kind") ?? PartnerKind.Other,
            fields.OptionalText("municipality"),
            fields.TextList("themes"),
            fields.TextList("languages"),
            contact is null ? null : new PartnerContact(contact.Text("name"), contact.Text("email"), contact.OptionalText("phone")),
            fields.TextList("aliases"));
    }

    private static SeedFile<T> Read<T>(
        string path,
        string noun,
        IReadOnlyCollection<string> knownFields,
        Func<EntryFields, T> parse,
        Func<T, IReadOnlyList<DirectoryProblem>> check,
        Func<T, string> idOf,
        StringComparer idComparer)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new SeedFile<T>(path, [], [new SeedProblem(path, null, "no such file.")]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SeedFile<T>(path, [], [new SeedProblem(path, null, "cannot be read: " + exception.Message)]);
        }

        var (entries, failure) = JsonEntries.Read(bytes);
        var problems = new List<SeedProblem>();
        var valid = new List<T>();
        var firstLineOfId = new Dictionary<string, int>(idComparer);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            if (entry.Element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new SeedProblem(path, entry.Line, $"{noun} #{index + 1} should be an object ({{ \"id\": ... }})"));
                continue;
            }

            var found = new List<DirectoryProblem>();
            var badFields = new HashSet<string>(StringComparer.Ordinal);
            var value = parse(new EntryFields(entry.Element, knownFields, found, badFields));
            found.AddRange(entry.DuplicateFields.Select(duplicate => new DirectoryProblem(duplicate.Field, $"{duplicate.Field} is written twice in the entry")));
            // A value of the wrong type is reported once, not again by the rules as missing or empty.
            found.AddRange(check(value).Where(problem => !badFields.Any(bad => IsWithin(problem.Field, bad))));

            var id = idOf(value);
            var label = string.IsNullOrWhiteSpace(id) ? $"{noun} #{index + 1}" : $"{noun} '{id}'";
            if (!string.IsNullOrWhiteSpace(id) && !firstLineOfId.TryAdd(id, entry.LineOf("id")))
            {
                found.Add(new DirectoryProblem("id", $"id '{id}' is already used by the entry on line {firstLineOfId[id]}"));
            }

            problems.AddRange(found.Select(problem => new SeedProblem(path, entry.LineOf(problem.Field), $"{label}: {problem.Reason}")));
            if (found.Count == 0)
            {
                valid.Add(value);
            }
        }

        if (failure is { } stop)
        {
            problems.Add(new SeedProblem(path, stop.Line, stop.Reason));
        }

        return new SeedFile<T>(path, problems.Count == 0 ? valid : [], [.. problems.OrderBy(problem => problem.Line ?? 0)]);
    }

    private static bool IsWithin(string field, string outer) =>
        field == outer || field.StartsWith(outer + ".", StringComparison.Ordinal) || field.StartsWith(outer + "[", StringComparison.Ordinal);
}
