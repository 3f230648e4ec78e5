using Fer.Datasets;
using Fer.Internal;

namespace Fer.Core;

/// <summary>Photos: find every face with a detector, crop it as the model was trained, classify the crops in one batch.</summary>
public sealed partial class EmotionClassifier
{
    /// <summary>
    /// Finds every face in a photo and predicts its emotion. Each face box is widened to FER2013's framing
    /// (<paramref name="cropping"/>), converted to grayscale and resized to the model's input exactly as training
    /// images were, and classified. A photo without faces gives an empty list.
    /// </summary>
    /// <param name="photo">The photo (any size, colour or grayscale; upright).</param>
    /// <param name="detector">The face detector, e.g. Fer.Detection's <c>BlazeFaceDetector</c>.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <returns>One entry per face, in the detector's order (most confident first).</returns>
    public IReadOnlyList<FaceEmotion> PredictFaces(Photo photo, IFaceDetector detector, FaceCropping? cropping = null)
    {
        Guard.NotNull(photo);
        Guard.NotNull(detector);
        var faces = detector.Detect(photo) ?? throw new InvalidOperationException($"{detector.GetType().Name}.Detect returned null; it must return an empty list when there is no face.");
        for (var i = 0; i < faces.Count; i++)
        {
            if (faces[i] is null)
            {
                throw new InvalidOperationException($"{detector.GetType().Name}.Detect returned a null face at index {i}; every entry must be a DetectedFace.");
            }

            if (!IsUsable(faces[i].Box))
            {
                throw new InvalidOperationException($"{detector.GetType().Name} returned an invalid face box {faces[i].Box}.");
            }
        }

        return ClassifyFaces(photo, faces, cropping ?? FaceCropping.Fer2013);
    }

    /// <summary>
    /// Predicts the emotion of faces whose boxes the caller already has (from another detector, a tracker or a
    /// database), cropped and batched exactly as <see cref="PredictFaces(Photo, IFaceDetector, FaceCropping?)"/> does.
    /// Each result's <see cref="FaceEmotion.Face"/> carries the given box with confidence 1.
    /// </summary>
    /// <param name="photo">The photo the boxes are in (upright).</param>
    /// <param name="faces">Face boxes in the photo's pixel coordinates; tight boxes as a detector gives them.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <returns>One entry per box, in the given order.</returns>
    /// <exception cref="ArgumentException">A box is not finite or has no area.</exception>
    public IReadOnlyList<FaceEmotion> PredictFaces(Photo photo, IEnumerable<FaceBox> faces, FaceCropping? cropping = null)
    {
        Guard.NotNull(photo);
        var boxes = Guard.NotNull(faces).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            if (!IsUsable(boxes[i]))
            {
                throw new ArgumentException($"Face box {i} {boxes[i]} is not usable: its position and size must be finite and its width and height positive.", nameof(faces));
            }
        }

        return ClassifyFaces(photo, boxes.Select(box => new DetectedFace(box, 1f)).ToList(), cropping ?? FaceCropping.Fer2013);
    }

    private static bool IsUsable(FaceBox box)
        => float.IsFinite(box.X) && float.IsFinite(box.Y) && float.IsFinite(box.Width) && float.IsFinite(box.Height) && box.Width > 0 && box.Height > 0;

    /// <summary>Crops every face as training images were framed and classifies the crops in one batch.</summary>
    private List<FaceEmotion> ClassifyFaces(Photo photo, IReadOnlyList<DetectedFace> faces, FaceCropping cropping)
    {
        if (InputShape.Channels != 1 || InputShape.Height != InputShape.Width)
        {
            throw new FerModelException($"PredictFaces crops square grayscale faces, but this model takes {InputShape}.");
        }

        if (faces.Count == 0)
        {
            return [];
        }

        var size = InputShape.PixelCount;
        var crops = new FaceBox[faces.Count];
        var pixels = new byte[faces.Count * size];
        for (var i = 0; i < faces.Count; i++)
        {
            var wanted = cropping.CropFor(faces[i].Box);
            if (!IsUsable(wanted))
            {
                throw new InvalidOperationException($"The crop {wanted} of face box {faces[i].Box} is not usable.");
            }

            crops[i] = FaceCropping.PlaceInside(wanted, photo.Width, photo.Height);
            photo.CropToGrayPixels(crops[i], InputShape.Height).CopyTo(pixels, i * size);
        }

        var predictions = PredictPixelBatch(pixels, faces.Count);
        return faces.Select((face, i) => new FaceEmotion(face, crops[i], predictions[i])).ToList();
    }

    /// <summary>Loads a photo file, finds every face and predicts its emotion; see <see cref="PredictFaces(Photo, IFaceDetector, FaceCropping?)"/>.</summary>
    /// <param name="photoPath">A JPEG, PNG, BMP, WebP or GIF file.</param>
    /// <param name="detector">The face detector.</param>
    /// <param name="cropping">How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is not a readable image, or is over 100 megapixels.</exception>
    public IReadOnlyList<FaceEmotion> PredictFaces(string photoPath, IFaceDetector detector, FaceCropping? cropping = null)
    {
        using var photo = Photo.Load(photoPath);
        return PredictFaces(photo, detector, cropping);
    }
}
