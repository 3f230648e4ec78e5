
namespace Fer.Media;

/// <summary>How <see cref="PhotoPipeline.PredictPhotos"/> runs its pipeline.</summary>
public sealed class PhotoPipelineOptions
{
    /// <summary>Photos decoded and searched for faces at once; the processor count by default.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Photos per step of the pipeline: their faces are classified in one batch; 16 by default.</summary>
    public int PhotosPerBatch { get; init; } = 16;

    /// <summary>How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</summary>
    public FaceCropping? Cropping { get; init; }

    /// <summary>When set, an annotated copy of each photo (boxes and labels) is written here as <c>name.annotated.jpg</c>.</summary>
    public string? AnnotatedFolder { get; init; }

    internal void Validate()
    {
        if (Parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "Parallelism must be at least 1.");
        }

        if (PhotosPerBatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PhotosPerBatch), PhotosPerBatch, "PhotosPerBatch must be at least 1.");
        }
    }
}
