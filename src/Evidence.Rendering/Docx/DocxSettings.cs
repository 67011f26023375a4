using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>Document settings. <c>updateFields</c> makes Word refresh the TOC and page counts on open.</summary>
internal static class DocxSettings
{
    public static W.Settings Build()
    {
        var settings = new W.Settings(
            new W.Zoom { Percent = "100" },
            new W.DefaultTabStop { Val = 720 },
            new W.CharacterSpacingControl { Val = W.CharacterSpacingValues.DoNotCompress },
            new W.UpdateFieldsOnOpen { Val = true },
            new W.Compatibility(new W.CompatibilitySetting
            {
                Name = W.CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }),
            new W.DecimalSymbol { Val = "." },
            new W.ListSeparator { Val = "," });
        settings.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        return settings;
    }
}
