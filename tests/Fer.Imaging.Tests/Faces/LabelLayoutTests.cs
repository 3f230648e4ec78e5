using SkiaSharp;

namespace Fer.Imaging.Tests;

/// <summary>Labels on annotated photos: none covers a face or another label, all stay inside the picture.</summary>
public sealed class LabelLayoutTests
{
    private static readonly string[] Texts = ["happy 91 % (face 87 %)", "happy 91 %", "happy"];

    private static IReadOnlyList<LabelPlacement?> Place(int width, int height, FaceBox[] faces)
        => LabelLayout.Place(width, height, faces, [.. faces.Select(_ => (IReadOnlyList<string>)Texts)], PictureFont.Typeface, 14f);

    private static void AssertNoLabelCoversAFaceOrALabel(int width, int height, FaceBox[] faces, IReadOnlyList<LabelPlacement?> labels)
    {
        var picture = new SKRect(0, 0, width, height);
        var rects = labels.Where(l => l is not null).Select(l => l!.Value.Rect).ToList();
        foreach (var rect in rects)
        {
            Assert.True(picture.Contains(rect), $"label {rect} leaves the {width}x{height} picture");
            foreach (var face in faces)
            {
                Assert.False(LabelLayout.Overlaps(rect, new SKRect(face.X, face.Y, face.Right, face.Bottom)), $"label {rect} covers the face {face}");
            }
        }

        for (var a = 0; a < rects.Count; a++)
        {
            for (var b = a + 1; b < rects.Count; b++)
            {
                Assert.False(LabelLayout.Overlaps(rects[a], rects[b]), $"labels {rects[a]} and {rects[b]} overlap");
            }
        }
    }

    [Fact]
    public void Seven_faces_on_a_500_pixel_group_photo_all_get_a_label_and_none_overlaps()
    {
        // Two rows, as in a group photo: four faces behind, three in front, 52 px wide, 12 px apart.
        FaceBox[] faces =
        [
            new(70, 60, 52, 60), new(170, 55, 52, 60), new(270, 62, 52, 60), new(370, 58, 52, 60),
            new(120, 150, 54, 62), new(222, 148, 54, 62), new(324, 152, 54, 62),
        ];
        var labels = Place(500, 330, faces);

        AssertNoLabelCoversAFaceOrALabel(500, 330, faces, labels);
        Assert.All(labels, l => Assert.NotNull(l));
        // The scene is crowded: the full text is wider than the faces' spacing (100 px), so neighbours cannot all be
        // labelled above their boxes in it.
        using var font = new SKFont(PictureFont.Typeface, labels[0]!.Value.FontSize);
        Assert.True(font.MeasureText(Texts[0]) > 100);
        Assert.Contains(labels.Take(4), l => l!.Value.Rect.Top >= 100 || l.Value.Text != Texts[0]);
    }

    [Fact]
    public void A_face_at_the_top_edge_is_labelled_below_its_box()
    {
        FaceBox[] faces = [new(100, 0, 100, 110)];
        var label = Assert.Single(Place(400, 300, faces))!.Value;

        Assert.True(label.Rect.Top >= faces[0].Bottom, $"label {label.Rect} is not below the face");
        Assert.Equal(Texts[0], label.Text);
    }

    [Fact]
    public void The_text_size_follows_the_face()
    {
        var small = Place(1000, 800, [new(100, 200, 50, 50)])[0]!.Value;
        var large = Place(1000, 800, [new(500, 200, 200, 200)])[0]!.Value;

        Assert.True(small.FontSize < large.FontSize, $"{small.FontSize} vs {large.FontSize}");
        Assert.True(small.FontSize >= LabelLayout.MinFontSize);
    }

    [Fact]
    public void A_face_without_room_keeps_no_label_rather_than_covering_another()
    {
        // A face that fills the picture's height: no room above or below it.
        FaceBox[] faces = [new(10, 0, 100, 120), new(130, 10, 60, 60)];
        var labels = Place(300, 120, faces);

        AssertNoLabelCoversAFaceOrALabel(300, 120, faces, labels);
        Assert.Null(labels[0]);
    }

    [Fact]
    public void Random_crowds_never_get_overlapping_labels()
    {
        var random = new Random(7);
        var labelled = 0;
        var total = 0;
        for (var trial = 0; trial < 200; trial++)
        {
            var width = random.Next(300, 900);
            var height = random.Next(200, 700);
            var faces = new List<FaceBox>();
            for (var attempt = 0; attempt < 40 && faces.Count < 12; attempt++)
            {
                var size = random.Next(24, Math.Min(width, height) / 3);
                var box = new FaceBox(random.Next(0, width - size), random.Next(0, height - size), size, size * 1.15f > height ? size : size * 1.15f);
                if (box.Bottom <= height && !faces.Any(f => LabelLayout.Overlaps(new SKRect(f.X, f.Y, f.Right, f.Bottom), new SKRect(box.X, box.Y, box.Right, box.Bottom))))
                {
                    faces.Add(box);
                }
            }

            var labels = Place(width, height, [.. faces]);
            AssertNoLabelCoversAFaceOrALabel(width, height, [.. faces], labels);
            labelled += labels.Count(l => l is not null);
            total += faces.Count;
        }

        // Most faces of random crowds still get a label.
        Assert.True(labelled > 0.8 * total, $"{labelled} of {total} faces labelled");
    }
}
