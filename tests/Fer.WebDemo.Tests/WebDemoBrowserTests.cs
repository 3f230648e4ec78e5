using Microsoft.Playwright;
using SkiaSharp;

namespace Fer.WebDemo.Tests;

/// <summary>The demo in a real browser (Debian's chromium driven by Playwright): upload a photo, see the annotated result.</summary>
public sealed class WebDemoBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Uploading_a_group_photo_in_chromium_shows_boxed_faces_and_their_table()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (run `bash scripts/install-prereqs.sh --browser`, or `apt-get install chromium`).");
        await using var demo = await RunningDemo.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });

        await page.GotoAsync(demo.Address.ToString());
        await page.SetInputFilesAsync("input[name=photo]", Path.Combine(RealFaces.PhotosFolder(), "group1.jpg"));
        await page.ClickAsync("#analyze");
        await page.WaitForSelectorAsync("#annotated");

        Assert.Equal("3 faces in a 800x533 photo.", await page.InnerTextAsync("#summary"));
        Assert.Equal(4, await page.Locator("#faces tr").CountAsync());
        var screenshot = await page.Locator("#annotated").ScreenshotAsync();
        using var image = SKBitmap.Decode(screenshot);
        Assert.True(image.Width >= 790, $"the annotated photo is {image.Width} px wide on the page");

        // The three happy faces are boxed in green (FaceAnnotations' colour for happy): the rendered page shows far
        // more box-green pixels than the photo itself has.
        using var original = SKBitmap.Decode(Path.Combine(RealFaces.PhotosFolder(), "group1.jpg"));
        var (shown, before) = (BoxGreen(image), BoxGreen(original));
        Assert.True(shown > before + 1500, $"{shown} box-green pixels in the screenshot, {before} in the photo");
    }

    private static int BoxGreen(SKBitmap image)
    {
        var green = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var pixel = image.GetPixel(x, y);
                green += pixel.Green > 170 && pixel.Red < 90 && pixel.Blue < 110 ? 1 : 0;
            }
        }

        return green;
    }
}
