
namespace Fer.Media.Tests;

public sealed class FaceTrackerTests
{
    private static readonly string[] Classes = ["a", "b"];

    private static FaceEmotion Face(float x, float y, float size, float a = 0.5f)
        => new(new DetectedFace(new FaceBox(x, y, size, size), 0.9f), new FaceBox(x, y, size, size), new EmotionPrediction(Classes, [a, 1 - a]));

    [Fact]
    public void Moving_faces_keep_their_ids_and_new_faces_get_new_ones()
    {
        var tracker = new FaceTracker(Classes, 0.3f, TimeSpan.FromSeconds(1), 1);

        var first = tracker.Update([Face(0, 0, 50), Face(200, 0, 50)], TimeSpan.Zero);
        var second = tracker.Update([Face(215, 5, 55), Face(10, 3, 50), Face(400, 0, 40)], TimeSpan.FromSeconds(0.2));

        Assert.Equal([1, 2], first.Select(f => f.TrackId));
        Assert.Equal([2, 1, 3], second.Select(f => f.TrackId));
    }

    [Fact]
    public void A_fast_move_whose_centre_stays_inside_the_last_box_continues_the_track()
    {
        var tracker = new FaceTracker(Classes, 0.3f, TimeSpan.FromSeconds(1), 1);
        tracker.Update([Face(0, 0, 100)], TimeSpan.Zero);

        // Overlap 0.14, below the threshold, but the new centre (80, 80) lies in the last box.
        var moved = tracker.Update([Face(40, 40, 80)], TimeSpan.FromSeconds(0.2));

        Assert.Equal(1, moved.Single().TrackId);
    }

    [Fact]
    public void A_face_unseen_for_longer_than_the_timeout_starts_a_new_track()
    {
        var tracker = new FaceTracker(Classes, 0.3f, TimeSpan.FromSeconds(1), 1);
        tracker.Update([Face(0, 0, 50)], TimeSpan.Zero);

        Assert.Equal(1, tracker.Update([Face(0, 0, 50)], TimeSpan.FromSeconds(0.9)).Single().TrackId);
        Assert.Equal(2, tracker.Update([Face(0, 0, 50)], TimeSpan.FromSeconds(2.5)).Single().TrackId);
    }

    [Fact]
    public void Two_faces_never_share_a_track()
    {
        var tracker = new FaceTracker(Classes, 0.3f, TimeSpan.FromSeconds(1), 1);
        tracker.Update([Face(0, 0, 100)], TimeSpan.Zero);

        var split = tracker.Update([Face(0, 0, 90), Face(5, 5, 90)], TimeSpan.FromSeconds(0.2));

        Assert.Equal(2, split.Select(f => f.TrackId).Distinct().Count());
    }

    [Fact]
    public void Smoothing_is_an_exponential_moving_average_per_track()
    {
        var tracker = new FaceTracker(Classes, 0.3f, TimeSpan.FromSeconds(1), 0.25);

        tracker.Update([Face(0, 0, 50, a: 1f)], TimeSpan.Zero);
        var next = tracker.Update([Face(0, 0, 50, a: 0f)], TimeSpan.FromSeconds(0.2)).Single();

        Assert.Equal(0.75f, next.Smoothed.Probabilities["a"], 5);
        Assert.Equal(0f, next.Face.Emotion.Probabilities["a"]);
        Assert.Equal("a", next.Smoothed.Label);
    }
}
