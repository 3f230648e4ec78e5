
namespace Fer.Media;

/// <summary>
/// Gives faces track ids that stay with the same person from frame to frame: each frame's faces are matched to the
/// live tracks greedily by box overlap (intersection over union), the best pairs first; a face whose best overlap is
/// below the threshold but whose centre lies within the track's last box (a fast move, a zoom) still continues it.
/// Unmatched faces start new tracks; a track not seen for longer than the timeout ends, and every track ends at a cut
/// (<see cref="EndAllTracks"/>, told by <see cref="ShotChangeDetector"/>). Each track keeps an
/// exponential moving average of its class probabilities.
/// </summary>
internal sealed class FaceTracker
{
    private readonly List<Track> _tracks = [];
    private readonly IReadOnlyList<string> _classNames;
    private readonly float _minOverlap;
    private readonly TimeSpan _timeout;
    private readonly double _smoothing;
    private int _nextId = 1;

    /// <param name="classNames">The classifier's classes, in output order.</param>
    /// <param name="minOverlap">The least intersection over union that continues a track.</param>
    /// <param name="timeout">How long a track survives without a face.</param>
    /// <param name="smoothing">The weight of the newest frame in the moving average, in (0, 1]; 1 is no smoothing.</param>
    public FaceTracker(IReadOnlyList<string> classNames, float minOverlap, TimeSpan timeout, double smoothing)
    {
        _classNames = classNames;
        _minOverlap = minOverlap;
        _timeout = timeout;
        _smoothing = smoothing;
    }

    /// <summary>Ends every live track (at a cut: the next faces are other people, or the same ones elsewhere); later faces get new ids.</summary>
    public void EndAllTracks() => _tracks.Clear();

    /// <summary>Assigns each face of the frame at <paramref name="time"/> to a track; returns them in the given order.</summary>
    public IReadOnlyList<TrackedFace> Update(IReadOnlyList<FaceEmotion> faces, TimeSpan time)
    {
        _tracks.RemoveAll(t => time - t.LastSeen > _timeout);
        var assigned = new Track?[faces.Count];
        var free = new HashSet<Track>(_tracks);
        var pairs = new List<(float Score, int Face, Track Track)>();
        for (var i = 0; i < faces.Count; i++)
        {
            foreach (var track in _tracks)
            {
                var overlap = faces[i].Face.Box.IntersectionOverUnion(track.Box);
                if (overlap >= _minOverlap)
                {
                    pairs.Add((1 + overlap, i, track));
                }
                else if (Contains(track.Box, Centre(faces[i].Face.Box)) || Contains(faces[i].Face.Box, Centre(track.Box)))
                {
                    pairs.Add((overlap, i, track));
                }
            }
        }

        foreach (var (_, face, track) in pairs.OrderByDescending(p => p.Score))
        {
            if (assigned[face] is null && free.Remove(track))
            {
                assigned[face] = track;
            }
        }

        var result = new TrackedFace[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var track = assigned[i];
            if (track is null)
            {
                track = new Track(_nextId++);
                _tracks.Add(track);
            }

            track.Observe(_classNames.Select(c => faces[i].Emotion.Probabilities[c]).ToArray(), faces[i].Face.Box, time, _smoothing);
            result[i] = new TrackedFace(track.Id, faces[i], new EmotionPrediction(_classNames, track.Smoothed));
        }

        return result;
    }

    private static (float X, float Y) Centre(FaceBox box) => (box.X + (box.Width / 2), box.Y + (box.Height / 2));

    private static bool Contains(FaceBox box, (float X, float Y) point)
        => point.X >= box.X && point.X <= box.Right && point.Y >= box.Y && point.Y <= box.Bottom;

    private sealed class Track(int id)
    {
        public int Id { get; } = id;

        public FaceBox Box { get; private set; }

        public TimeSpan LastSeen { get; private set; }

        public float[] Smoothed { get; private set; } = [];

        public void Observe(float[] current, FaceBox box, TimeSpan time, double smoothing)
        {
            if (Smoothed.Length != current.Length)
            {
                Smoothed = current;
            }
            else
            {
                for (var k = 0; k < current.Length; k++)
                {
                    Smoothed[k] = (float)((smoothing * current[k]) + ((1 - smoothing) * Smoothed[k]));
                }
            }

            Box = box;
            LastSeen = time;
        }
    }
}
