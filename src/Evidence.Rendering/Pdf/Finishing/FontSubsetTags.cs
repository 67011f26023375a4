using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// PDFsharp tags each embedded font subset with six random letters (<c>/QWERTY+DejaVuSans</c>).
/// This replaces every tag with letters derived from the font's name and the order the fonts were
/// created in, the same on every write.
/// </summary>
internal static class FontSubsetTags
{
    private static readonly string[] Keys = ["/BaseFont", "/FontName"];

    public static void MakeDeterministic(PdfDocument document)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary)
            {
                continue;
            }

            foreach (var key in Keys)
            {
                var name = dictionary.Elements.GetName(key);
                if (!IsSubsetName(name))
                {
                    continue;
                }

                if (!renamed.TryGetValue(name, out var replacement))
                {
                    replacement = "/" + Tag(name[8..], renamed.Count) + "+" + name[8..];
                    renamed.Add(name, replacement);
                }

                dictionary.Elements.SetName(key, replacement);
            }
        }
    }

    private static bool IsSubsetName(string name) =>
        name.Length > 8 && name[0] == '/' && name[7] == '+' && name.AsSpan(1, 6).ContainsAnyExceptInRange('A', 'Z') is false;

    private static string Tag(string baseName, int ordinal)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(baseName + "\n" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var tag = new char[6];
        for (var i = 0; i < tag.Length; i++)
        {
            tag[i] = (char)('A' + (hash[i] % 26));
        }

        return new string(tag);
    }
}
