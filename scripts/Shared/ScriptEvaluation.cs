using System.Diagnostics;
using System.Globalization;
using Fer.Core;
using Fer.Datasets;
using Fer;

/// <summary>What the model scripts measure on labelled faces: probabilities under one test-time augmentation, and their metrics.</summary>
internal static class ScriptEvaluation
{
    /// <summary>The classifier's probabilities for every face, in class order, with <paramref name="augmentation"/> (which stays set).</summary>
    public static float[][] Probabilities(EmotionClassifier classifier, LabeledFaces faces, TestTimeAugmentation augmentation)
    {
        classifier.TestTimeAugmentation = augmentation;
        var predictions = new List<float[]>(faces.Count);
        for (var start = 0; start < faces.Count; start += 256)
        {
            var count = Math.Min(256, faces.Count - start);
            var pixels = new byte[count * faces.Shape.PixelCount];
            for (var i = 0; i < count; i++)
            {
                faces.GetPixels(start + i).CopyTo(pixels.AsSpan(i * faces.Shape.PixelCount));
            }

            predictions.AddRange(classifier.PredictPixelBatch(pixels).Select(p => classifier.ClassNames.Select(c => p.Probabilities[c]).ToArray()));
        }

        return [.. predictions];
    }

    /// <summary>Accuracy, per-class and macro figures and calibration of <paramref name="probabilities"/> against the faces' labels.</summary>
    public static ClassificationMetrics Metrics(LabeledFaces faces, IReadOnlyList<float[]> probabilities)
    {
        var metrics = new MetricsAccumulator(faces.ClassNames);
        metrics.AddBatch(faces.Labels, probabilities);
        return metrics.Compute();
    }

    /// <summary>The expected calibration error of <paramref name="probabilities"/>, NaN when it cannot be computed.</summary>
    public static double Ece(LabeledFaces faces, IReadOnlyList<float[]> probabilities) => Metrics(faces, probabilities).ExpectedCalibrationError ?? double.NaN;

    /// <summary>
    /// The metrics of a model file as saved and loaded again (<paramref name="shipped"/>, from <paramref name="path"/>) on
    /// the validation split, under its own test-time augmentation and temperature; printed with the file's size and precision.
    /// </summary>
    public static ClassificationMetrics CheckSaved(EmotionClassifier shipped, string path, LabeledFaces validation)
    {
        var metrics = Metrics(validation, Probabilities(shipped, validation, shipped.TestTimeAugmentation));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Saved {path} ({new FileInfo(path).Length:N0} bytes): validation {metrics.Accuracy:P2} with {shipped.TestTimeAugmentation} (macro F1 {metrics.MacroAverage.F1:P2}), ECE {metrics.ExpectedCalibrationError:0.0000} at T = {shipped.Temperature:0.000}"));
        return metrics;
    }

    /// <summary>
    /// Reads a test split once for a model as it ships: its report with the model's own defaults (JSON, confusion
    /// picture and, when the model has a history, training curves, written to <paramref name="output"/> as
    /// <paramref name="name"/>.*), then every test-time augmentation uncalibrated (T = 1), whose figures and the
    /// uncalibrated ECE under the model's own augmentation come back beside the report's.
    /// </summary>
    public static object EvaluateOnce(EmotionClassifier shipped, LabeledFaces faces, string output, string name)
    {
        var clock = Stopwatch.StartNew();
        var (augmentation, temperature) = (shipped.TestTimeAugmentation, shipped.Temperature);
        var report = shipped.Evaluate(faces);
        report.SaveJson(Path.Combine(output, $"{name}.json"));
        report.SaveConfusionMatrixPng(Path.Combine(output, $"{name}-confusion.png"));
        if (report.History is not null)
        {
            report.SaveTrainingCurvesPng(Path.Combine(output, $"{name}-curves.png"));
        }

        shipped.Temperature = 1;
        var uncalibrated = Enum.GetValues<TestTimeAugmentation>().ToDictionary(mode => mode, mode => Metrics(faces, Probabilities(shipped, faces, mode)));
        (shipped.TestTimeAugmentation, shipped.Temperature) = (augmentation, temperature);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {report.Metrics.Accuracy:P2} with {augmentation} (macro F1 {report.Metrics.MacroAverage.F1:P2}, ECE {uncalibrated[augmentation].ExpectedCalibrationError:0.0000} -> {report.Metrics.ExpectedCalibrationError:0.0000} at T = {temperature:0.000}); uncalibrated: {string.Join(", ", uncalibrated.Select(u => $"{u.Key} {u.Value.Accuracy:P2}"))}"));
        return new
        {
            augmentation = augmentation.ToString(),
            accuracy = report.Metrics.Accuracy,
            macroF1 = report.Metrics.MacroAverage.F1,
            eceUncalibrated = uncalibrated[augmentation].ExpectedCalibrationError,
            ece = report.Metrics.ExpectedCalibrationError,
            temperature,
            byAugmentation = uncalibrated.ToDictionary(u => u.Key.ToString(), u => new { accuracy = u.Value.Accuracy, macroF1 = u.Value.MacroAverage.F1 }),
            seconds = clock.Elapsed.TotalSeconds,
        };
    }
}
