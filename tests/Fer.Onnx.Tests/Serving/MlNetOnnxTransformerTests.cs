using Microsoft.ML;
using Microsoft.ML.Data;

namespace Fer.Onnx.Tests;

/// <summary>docs/serving.md: an exported model scored by ML.NET's ONNX transformer gives Fer.Onnx's probabilities.</summary>
public sealed class MlNetOnnxTransformerTests
{
    [Fact]
    public void ML_NET_scores_the_exported_model_like_Fer_Onnx()
    {
        var modelPath = Path.Combine(Path.GetTempPath(), $"fer-mlnet-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(modelPath, OnnxEmotionClassifierTests.DefaultModelBytes());
        try
        {
            var faces = RealFaces.Pixels();
            var rows = Enumerable.Range(0, faces.Length / 2304)
                .Select(i => new FaceRow { Pixels = faces.AsSpan(i * 2304, 2304).ToArray().Select(p => (float)p).ToArray() })
                .ToList();

            // The code of docs/serving.md.
            var mlContext = new MLContext();
            var data = mlContext.Data.LoadFromEnumerable(rows);
            var pipeline = mlContext.Transforms.ApplyOnnxModel(
                outputColumnNames: ["probabilities"],
                inputColumnNames: ["pixels"],
                modelFile: modelPath,
                shapeDictionary: new Dictionary<string, int[]> { ["pixels"] = [1, 1, 48, 48] },
                gpuDeviceId: null,
                fallbackToCpu: false);
            var scored = pipeline.Fit(data).Transform(data);
            var probabilities = mlContext.Data.CreateEnumerable<ScoredRow>(scored, reuseRowObject: false).Select(r => r.Probabilities).ToList();

            using var classifier = OnnxEmotionClassifier.LoadDefault();
            var expected = classifier.PredictPixelBatch(faces);
            Assert.Equal(expected.Count, probabilities.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var want = classifier.ClassNames.Select(c => expected[i].Probabilities[c]).ToArray();
                Assert.InRange(want.Zip(probabilities[i]).Max(p => Math.Abs(p.First - p.Second)), 0, 1e-5);
            }
        }
        finally
        {
            File.Delete(modelPath);
        }
    }

    private sealed class FaceRow
    {
        [ColumnName("pixels")]
        [VectorType(1, 1, 48, 48)]
        public float[] Pixels { get; set; } = [];
    }

    private sealed class ScoredRow
    {
        [ColumnName("probabilities")]
        public float[] Probabilities { get; set; } = [];
    }
}
