using SkiaSharp;

namespace Fer.Imaging;

/// <summary>A face label's text, its rectangle on the picture (background included) and its text size in pixels.</summary>
internal readonly record struct LabelPlacement(string Text, SKRect Rect, float FontSize);
