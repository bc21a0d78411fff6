using MudBlazor;

namespace StatusBoard.Web.Components.Layout;

/// <summary>MudBlazor palettes with text colours that meet WCAG AA on their surfaces in both modes.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4fa3",
            AppbarBackground = "#16233a",
            AppbarText = "#ffffff",
            Background = "#f3f5f8",
            Surface = "#ffffff",
            TextPrimary = "#1a1f29",
            TextSecondary = "#4a5261",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4ff",
            PrimaryContrastText = "#0b0f17",
            AppbarBackground = "#0d1320",
            AppbarText = "#e8ecf3",
            Background = "#0b0f17",
            Surface = "#151b27",
            TextPrimary = "#e8ecf3",
            TextSecondary = "#aeb6c4",
        },
    };
}
