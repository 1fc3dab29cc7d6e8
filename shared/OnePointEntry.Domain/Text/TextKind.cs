namespace OnePointEntry.Text;

/// <summary>What a text field may hold.</summary>
public enum TextKind
{
    /// <summary>One line of visible text: a name, an address, a phone number, a city.</summary>
    SingleLine,

    /// <summary>Free text with line breaks and tabs, such as an enquiry's purpose or a staff note.</summary>
    MultiLine,
}
