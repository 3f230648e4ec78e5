using System.Globalization;
using System.Text.Json;

namespace Fer.Cli.Tests;

/// <summary>`fer predict` on a group photo: a note that points to --faces, and --faces classifying every face.</summary>
public sealed class PredictFacesCommandTests
{
    private static readonly string GroupPhoto = Path.Combine(AppContext.BaseDirectory, "Photos", "group3.jpg");

    private static (int Code, string Output, string Error) Run(params string[] args) => FerRun.Run(args);

    [Fact]
    public void A_photo_of_several_people_gets_a_note_pointing_to_faces_mode()
    {
        var plain = Run("predict", GroupPhoto);
        Assert.Equal(ExitCodes.Success, plain.Code);
        Assert.StartsWith("group3.jpg: ", plain.Output);
        Assert.Contains("note: group3.jpg looks like a photo with 3 faces, but predict treats each image as one face; add --faces", plain.Error);

        var json = Run("predict", GroupPhoto, "--json");
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(3, document.RootElement[0].GetProperty("facesDetected").GetInt32());
        Assert.Contains("--faces", document.RootElement[0].GetProperty("note").GetString());
    }

    [Fact]
    public void The_readme_shows_what_predict_prints_for_a_group_photo()
    {
        var root = SharedData.RepositoryRoot();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var command = Array.FindIndex(readme, l => l.StartsWith("$ fer predict ", StringComparison.Ordinal) && l.EndsWith("group1.jpg", StringComparison.Ordinal));
        Assert.True(command > 0, "README has no `fer predict …group1.jpg` example");

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var result = Run("predict", Path.Combine(AppContext.BaseDirectory, "Photos", "group1.jpg"));
            Assert.Equal(readme[command + 1], result.Output.TrimEnd());
            Assert.Equal(readme[command + 2], result.Error.TrimEnd());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Faces_mode_classifies_every_face_with_its_box()
    {
        var text = Run("predict", GroupPhoto, "--faces");
        Assert.True(text.Code == ExitCodes.Success, text.Error);
        var lines = text.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("group3.jpg: 3 faces", lines[0]);
        Assert.Equal(3, lines.Count(l => l.Contains(" at (x ", StringComparison.Ordinal)));
        Assert.DoesNotContain("note:", text.Error);

        var json = Run("predict", GroupPhoto, "--faces", "--json");
        using var document = JsonDocument.Parse(json.Output);
        var faces = document.RootElement[0].GetProperty("faces");
        Assert.Equal(3, faces.GetArrayLength());
        foreach (var face in faces.EnumerateArray())
        {
            Assert.True(face.GetProperty("box").GetProperty("width").GetSingle() > 40);
            Assert.Equal(7, face.GetProperty("probabilities").EnumerateObject().Count());
        }
    }

    [Fact]
    public void A_single_face_image_gets_no_note()
    {
        var temp = Directory.CreateTempSubdirectory("fer-face-");
        try
        {
            var face = Path.Combine(temp.FullName, "face.png");
            using (var bitmap = new SkiaSharp.SKBitmap(48, 48))
            using (var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100))
            {
                File.WriteAllBytes(face, png.ToArray());
            }

            var result = Run("predict", face);
            Assert.Equal(ExitCodes.Success, result.Code);
            Assert.DoesNotContain("note:", result.Error);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
