namespace StatusBoard.Core.Providers.Html;

/// <summary>
/// A linear pre-scan of raw HTML: how many elements and roughly how deep they nest, so a page built to make the parser
/// work hard is refused before parsing. Approximate on purpose (comments and scripts are not special-cased): it only
/// has to tell a status page (thousands of elements, dozens deep) from an attack (tens of thousands, thousands deep).
/// </summary>
internal readonly record struct HtmlShape(int Elements, int MaxDepth)
{
    private static readonly HashSet<string> s_void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
    };

    public static HtmlShape Measure(ReadOnlySpan<byte> html, int stopAfterElements)
    {
        int elements = 0, depth = 0, maxDepth = 0;
        for (var i = 0; i < html.Length - 1 && elements <= stopAfterElements; i++)
        {
            if (html[i] != (byte)'<')
            {
                continue;
            }
            if (html[i + 1] == (byte)'/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }
            if (!char.IsAsciiLetter((char)html[i + 1]))
            {
                continue;
            }
            elements++;
            var nameEnd = i + 1;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit((char)html[nameEnd]))
            {
                nameEnd++;
            }
            var name = System.Text.Encoding.ASCII.GetString(html[(i + 1)..nameEnd]);
            var tagEnd = html[nameEnd..].IndexOf((byte)'>');
            var selfClosing = tagEnd > 0 && html[nameEnd + tagEnd - 1] == (byte)'/';
            if (!s_void.Contains(name) && !selfClosing)
            {
                maxDepth = Math.Max(maxDepth, ++depth);
            }
        }
        return new HtmlShape(elements, maxDepth);
    }
}
