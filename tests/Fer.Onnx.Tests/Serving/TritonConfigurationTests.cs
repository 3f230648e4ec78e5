using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;

namespace Fer.Onnx.Tests;

/// <summary>docs/serving/triton's model configuration names the exported model's real input and output, types and shapes.</summary>
public sealed partial class TritonConfigurationTests
{
    [Fact]
    public void The_Triton_configuration_matches_the_exported_model()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot(), "docs", "serving", "triton", "fer_emotion", "config.pbtxt"));
        var config = TextFormat.Parse(text);

        Assert.Equal("fer_emotion", config.Scalar("name"));
        Assert.Equal("onnxruntime_onnx", config.Scalar("platform"));
        Assert.True(int.Parse(config.Scalar("max_batch_size")) > 0);
        using var session = new InferenceSession(OnnxEmotionClassifierTests.DefaultModelBytes());
        AssertTensor(config.Block("input"), session.InputMetadata);
        AssertTensor(config.Block("output"), session.OutputMetadata);
        Assert.NotNull(config.Block("dynamic_batching"));
    }

    private static void AssertTensor(TextFormat tensor, IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        var name = tensor.Scalar("name");
        Assert.True(metadata.TryGetValue(name, out var node), $"the model has no tensor '{name}'");
        Assert.Equal("TYPE_FP32", tensor.Scalar("data_type"));
        Assert.Equal(typeof(float), node.ElementType);
        // Triton's dims leave out the batch dimension, which the model keeps dynamic.
        Assert.Equal(-1, node.Dimensions[0]);
        Assert.Equal(node.Dimensions.Skip(1), tensor.Scalar("dims").Trim('[', ']', ' ').Split(',').Select(d => int.Parse(d.Trim())));
    }

    /// <summary>
    /// The subset of protobuf's text format that model configurations use: <c>key: value</c>, <c>key { … }</c> and
    /// <c>key [ { … } ]</c>, with # comments. Enough to read a configuration's names, types and shapes.
    /// </summary>
    private sealed partial class TextFormat
    {
        private readonly Dictionary<string, object> _fields = new(StringComparer.Ordinal);

        public string Scalar(string key) => _fields.TryGetValue(key, out var value) && value is string s ? s : throw new KeyNotFoundException($"no scalar '{key}'");

        public TextFormat Block(string key) => _fields.TryGetValue(key, out var value) && value is TextFormat block ? block : throw new KeyNotFoundException($"no block '{key}'");

        public static TextFormat Parse(string text)
        {
            var tokens = Token().Matches(CommentLine().Replace(text, "")).Select(m => m.Value).ToList();
            var position = 0;
            var result = ParseFields(tokens, ref position);
            Assert.Equal(tokens.Count, position);
            return result;
        }

        private static TextFormat ParseFields(List<string> tokens, ref int position)
        {
            var block = new TextFormat();
            while (position < tokens.Count && tokens[position] is not "}" and not "]")
            {
                var key = tokens[position++].TrimEnd(':');
                if (tokens[position] == ":")
                {
                    position++;
                }

                if (tokens[position] == "{")
                {
                    position++;
                    block._fields[key] = ParseFields(tokens, ref position);
                    Assert.Equal("}", tokens[position++]);
                }
                else if (tokens[position] == "[" && tokens[position + 1] == "{")
                {
                    position += 2;
                    block._fields[key] = ParseFields(tokens, ref position);   // a list of one message
                    Assert.Equal("}", tokens[position++]);
                    Assert.Equal("]", tokens[position++]);
                }
                else if (tokens[position] == "[")
                {
                    var values = new List<string>();
                    for (position++; tokens[position] != "]"; position++)
                    {
                        values.Add(tokens[position].TrimEnd(','));
                    }

                    position++;
                    block._fields[key] = "[" + string.Join(",", values.Where(v => v.Length > 0)) + "]";
                }
                else
                {
                    block._fields[key] = tokens[position++].Trim('"');
                }
            }

            return block;
        }

        [GeneratedRegex("#[^\n]*")]
        private static partial Regex CommentLine();

        [GeneratedRegex("\"[^\"]*\"|[{}\\[\\]]|:|[^\\s{}\\[\\]:]+")]
        private static partial Regex Token();
    }
}
