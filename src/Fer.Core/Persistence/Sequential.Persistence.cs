using Fer.Internal;

namespace Fer.Core;

/// <summary>Save and Load: one file with architecture, weights and metadata.</summary>
public sealed partial class Sequential
{
    /// <summary>
    /// Saves architecture, weights and metadata (class names, input shape, normalisation, training info, format
    /// version) to one file, atomically: a crash never leaves a half-written file.
    /// </summary>
    /// <param name="path">The file to write; its folder is created if missing.</param>
    public void Save(string path) => Save(path, WeightPrecision.Full);

    /// <summary>Saves the model as <see cref="Save(string)"/> does, with the weights stored at <paramref name="precision"/>.</summary>
    /// <param name="path">The file to write; its folder is created if missing.</param>
    /// <param name="precision">How the weights are stored: <see cref="WeightPrecision.Full"/> as trained, <see cref="WeightPrecision.Half"/> for half the file.</param>
    /// <exception cref="FerModelException">A weight does not fit <paramref name="precision"/> (beyond ±65,504 for float16).</exception>
    public void Save(string path, WeightPrecision precision)
    {
        using var use = Use();
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Enum.IsDefined(precision))
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown weight precision.");
        }

        var header = SequentialFile.Header(this, SequentialFile.ModelFormat);
        var entries = SequentialFile.WeightEntries(this, precision);
        AtomicFile.Write(path, s => ModelFile.Write(s, header, entries));
    }

    /// <summary>
    /// Writes the model as a standard ONNX model (opset 17), atomically, for ONNX Runtime (Fer.Onnx's
    /// <c>OnnxEmotionClassifier</c>, Triton, ML.NET) without LibTorch. Inference form: batch norms folded, dropout
    /// removed, a softmax output. A model whose weights are float16 values (saved with <see cref="WeightPrecision.Half"/>
    /// and loaded) is written with float16 weights, half the file, computing exactly as it does here. Input "pixels": (N, C, H, W) float pixels 0–255, N dynamic (the graph normalises);
    /// output "probabilities": (N, classes). Class names, input shape, normalisation and <see cref="TrainingInfo"/> go
    /// into the model's metadata.
    /// </summary>
    /// <param name="path">The .onnx file to write; its folder is created if missing.</param>
    /// <exception cref="FerModelException">The model has no class names, or a layer cannot be exported (the message names it).</exception>
    public void ExportOnnx(string path)
    {
        using var use = Use();
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var model = OnnxExporter.Export(this);
        AtomicFile.Write(path, s => s.Write(model));
    }

    /// <summary>Loads a model saved by <see cref="Save(string)"/>. Every part of the file is checked; nothing in it is executed.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="device">Where to run the model; the CPU by default.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerModelException">The file is truncated, corrupt, forged, or of another format version.</exception>
    public static Sequential Load(string path, ComputeDevice? device = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SequentialFile.CheckDataSize(ModelFile.PeekHeader(path), path);
        return Load(ModelFile.ReadAllBytes(path), path, device);
    }

    /// <summary>Loads a model from the bytes of a model file (for example an embedded resource).</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="source">A name for the bytes, used in messages.</param>
    /// <param name="device">Where to run the model; the CPU by default.</param>
    /// <exception cref="FerModelException">The bytes are not a valid model file.</exception>
    public static Sequential Load(byte[] file, string source, ComputeDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (header, entries) = ModelFile.Read(file, source);
        var format = ModelFile.Text(header["format"]) ?? header["format"]?.ToJsonString();
        if (format is not (SequentialFile.ModelFormat or TrainingStateFile.Format))
        {
            throw ModelFile.Invalid(source, $"its format is '{format}', not '{SequentialFile.ModelFormat}'");
        }

        var model = SequentialFile.FromHeader(header, source, device);
        model.Source = source;
        try
        {
            SequentialFile.LoadWeights(model, entries, source);
            SequentialFile.CheckFiniteOutputs(model, source);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
