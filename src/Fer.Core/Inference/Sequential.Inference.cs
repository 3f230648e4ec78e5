using Fer.Internal;
using Fer.Datasets;
using Fer.Datasets.Batching;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Prediction.</summary>
public sealed partial class Sequential
{
    /// <summary>The class probabilities of every image, in order: one array of <see cref="OutputCount"/> values per image.</summary>
    /// <param name="images">The images; their shape must be <see cref="InputShape"/>.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <exception cref="FerModelException">The images' shape does not match the model's input.</exception>
    public float[][] Predict(LabeledFaces images, int batchSize = 256)
    {
        using var use = Use();
        ArgumentNullException.ThrowIfNull(images);
        ModelInputs.Images(this, images.Shape, images.Source);
        var loader = new BatchLoader(images, new BatchLoaderOptions { BatchSize = Fer.Internal.Guard.Positive(batchSize), Shuffle = false, Normalization = Normalization, Device = TorchDevice, Prefetch = 0 });
        var results = new List<float[]>(images.Count);
        foreach (var batch in loader.Epoch(0))
        {
            using (batch)
            {
                results.AddRange(PredictBatch(batch.Images));
            }
        }

        return [.. results];
    }

    /// <summary>The class probabilities of one image given as 0–255 pixels, channels first, row-major.</summary>
    /// <param name="pixels">Exactly <see cref="ImageShape.PixelCount"/> of <see cref="InputShape"/> values.</param>
    /// <exception cref="FerModelException">The pixel count does not match the model's input.</exception>
    public float[] Predict(ReadOnlySpan<byte> pixels)
    {
        using var use = Use();
        if (pixels.Length != InputShape.PixelCount)
        {
            throw new FerModelException(
                $"Sequential expected {InputShape.PixelCount} pixels (one image of shape {InputShape}) but received {pixels.Length}. " +
                "Resize the image to the model's input size first.");
        }

        using var scope = NewDisposeScope();
        return PredictBatch(PixelsToInput(pixels, 1))[0];
    }

    /// <summary>
    /// <paramref name="count"/> images of 0–255 pixels in input shape as a normalised float batch (N, C, H, W) on the
    /// model's device: <c>(pixel / 255 − mean) / std</c>, as training saw them.
    /// </summary>
    internal Tensor PixelsToInput(ReadOnlySpan<byte> pixels, int count)
        => Normalization.FromPixels(tensor(pixels.ToArray(), [count, InputShape.Channels, InputShape.Height, InputShape.Width]).to(TorchDevice));

    /// <summary>
    /// <paramref name="count"/> images of float pixel values 0–255 (test-time copies) as a normalised batch on the
    /// model's device, as <see cref="PixelsToInput"/> does for bytes.
    /// </summary>
    internal Tensor PixelValuesToInput(ReadOnlySpan<float> values, int count)
        => Normalization.FromPixels(tensor(values.ToArray(), [count, InputShape.Channels, InputShape.Height, InputShape.Width]).to(TorchDevice));

    /// <summary>Probabilities for a normalised batch (N, C, H, W) already on the device.</summary>
    internal float[][] PredictBatch(Tensor images)
    {
        using var scope = NewDisposeScope();
        return ProbabilityRows(ForwardProbabilities(images));
    }

    /// <summary>
    /// A (N, classes) tensor of this model's probabilities, on any device, as one array per image: see
    /// <see cref="ProbabilityValues"/>.
    /// </summary>
    /// <exception cref="FerModelException">A probability is NaN or infinite.</exception>
    internal float[][] ProbabilityRows(Tensor probabilities)
    {
        var flat = ProbabilityValues(probabilities, out var k);
        var result = new float[flat.Length / k][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = flat.AsSpan(i * k, k).ToArray();
        }

        return result;
    }

    /// <summary>
    /// A (N, classes) tensor of this model's probabilities, on any device, as one array, image after image: the one
    /// place they leave LibTorch, where a NaN or infinite value is refused.
    /// </summary>
    /// <exception cref="FerModelException">A probability is NaN or infinite.</exception>
    internal float[] ProbabilityValues(Tensor probabilities, out int classes)
    {
        using var scope = NewDisposeScope();
        var cpu = probabilities.cpu();
        classes = (int)cpu.shape[1];
        var flat = cpu.data<float>().ToArray();
        FiniteProbabilities.Require(flat, classes, Source);
        return flat;
    }

    /// <summary>
    /// Inference-mode forward pass that returns probabilities (softmax of logits unless the model ends in Softmax),
    /// through the <see cref="InferencePlan"/> (batch norms folded into convolutions). LibTorch's inference mode (no
    /// autograd bookkeeping at all, unlike no_grad) saves ~10% of a one-face call; the result is an inference tensor:
    /// read it, do not feed it to autograd.
    /// </summary>
    internal Tensor ForwardProbabilities(Tensor images)
    {
        ModelInputs.Batch(this, images);
        var plan = _plan.Get(Network);
        using var inference = inference_mode();
        var outputs = plan.Forward(images);
        return OutputsProbabilities ? outputs : nn.functional.softmax(outputs, 1);
    }

    /// <summary>
    /// The raw outputs for a batch in evaluation mode, for a student's loss or a validation pass: call under no_grad.
    /// Not inference mode, whose tensors the student's backward pass could not use.
    /// </summary>
    internal Tensor ForwardEvaluation(Tensor images)
    {
        ModelInputs.Batch(this, images);
        return _plan.Get(Network).Forward(images);
    }

    /// <summary>The most activation memory one forward pass should hold: half of the 32 MB that glibc's malloc keeps in its heap.</summary>
    internal const long ActivationBudgetBytes = 16L * 1024 * 1024;

    /// <summary>
    /// How many images to put through one forward pass when each becomes <paramref name="copiesPerImage"/> inputs
    /// (test-time augmentation): as many as keep the largest layer output within <see cref="ActivationBudgetBytes"/>,
    /// between 1 and 256. Larger chunks leave the heap for fresh mmap'd pages on every layer and run slower per face
    /// (the chunking benchmark: docs/benchmarks.md).
    /// </summary>
    internal int InferenceChunkSize(int copiesPerImage)
    {
        EnsureBuilt();
        var largest = Math.Max(InputShape.PixelCount, _largestActivationElements) * sizeof(float);
        return (int)Math.Clamp(ActivationBudgetBytes / (largest * Math.Max(1, copiesPerImage)), 1, 256);
    }

    /// <summary>Discards the evaluation plan: its weights are about to change. Not to be called while predictions run.</summary>
    internal void DiscardInferencePlan() => _plan.Discard();
}
