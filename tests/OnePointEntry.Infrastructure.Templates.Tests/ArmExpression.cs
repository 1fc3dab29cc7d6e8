namespace OnePointEntry.Infrastructure.Templates.Tests;

/// <summary>Just enough of ARM's expression language to read a function call's arguments.</summary>
internal static class ArmExpression
{
    /// <summary>
    /// The top-level arguments of the call whose argument list starts at <paramref name="start"/> (just after its
    /// opening parenthesis), as written: nested calls and quoted strings ('' escapes a quote) kept whole.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string expression, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var inString = false;
        var current = start;
        for (var i = start; i < expression.Length; i++)
        {
            var c = expression[i];
            if (inString)
            {
                if (c == '\'' && i + 1 < expression.Length && expression[i + 1] == '\'')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    inString = true;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(expression[current..i].Trim());
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(expression[current..i].Trim());
                    current = i + 1;
                    break;
                default:
                    break;
            }
        }

        throw new FormatException($"Unbalanced expression: {expression}");
    }
}
