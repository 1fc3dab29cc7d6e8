using System.Globalization;
using System.Text;

namespace Microsoft365StandIn.Page;

/// <summary>
/// Rules the page needs per element (an event's place in the week, a column's width), collected while the body
/// is written and put into the one nonce'd style element: the page's policy refuses style attributes. Rules are
/// made only from numbers the page computed, never from text in the state.
/// </summary>
internal sealed class DynamicStyles
{
    private readonly Dictionary<string, string> _classes = new(StringComparer.Ordinal);
    private readonly StringBuilder _rules = new();

    /// <summary>The class that carries <paramref name="declarations"/>; the same declarations share one class.</summary>
    public string ClassFor(string declarations)
    {
        if (!_classes.TryGetValue(declarations, out var name))
        {
            name = "d" + _classes.Count.ToString(CultureInfo.InvariantCulture);
            _classes.Add(declarations, name);
            _rules.Append('.').Append(name).Append('{').Append(declarations).Append('}');
        }

        return name;
    }

    public string Rules => _rules.ToString();

    /// <summary>A CSS number: invariant, at most three decimals, never exponent notation.</summary>
    public static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
