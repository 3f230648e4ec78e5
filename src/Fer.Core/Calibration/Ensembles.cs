using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Builds one model out of several trained ones: their class probabilities averaged by an <see cref="AverageLayer"/>,
/// so that Predict, Evaluate, PredictFaces, Save/Load and the ONNX export treat the ensemble as a single model (wrap
/// it with <see cref="EmotionClassifier.FromModel"/>). Ensembles of a few networks trained with different seeds or
/// architectures are usually 1–2 points more accurate than their best member, at the members' summed cost.
/// </summary>
public static class Ensembles
{
    /// <summary>An ensemble that averages the probabilities of <paramref name="members"/>; the members stay usable and are not changed.</summary>
    /// <param name="members">Two or more trained models with the same input shape, normalisation, classes and device.</param>
    /// <returns>A new model holding a copy of every member's weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two members, or members that differ in input shape, normalisation, classes or device.</exception>
    public static Sequential Average(IReadOnlyList<Sequential> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count < 2 || members.Any(m => m is null))
        {
            throw new ArgumentException($"Ensembles.Average needs at least two models and no null entry, but got {members.Count} with {members.Count(m => m is null)} null.", nameof(members));
        }

        var first = members[0];
        for (var i = 1; i < members.Count; i++)
        {
            var member = members[i];
            var difference =
                member.InputShape != first.InputShape ? $"takes {member.InputShape}, model 1 {first.InputShape}"
                : member.Normalization != first.Normalization ? $"normalises with {member.Normalization}, model 1 with {first.Normalization}"
                : member.OutputCount != first.OutputCount ? $"outputs {member.OutputCount} classes, model 1 {first.OutputCount}"
                : !(member.ClassNames ?? []).SequenceEqual(first.ClassNames ?? [], StringComparer.OrdinalIgnoreCase) ? $"names its classes ({string.Join(", ", member.ClassNames ?? [])}) otherwise than model 1 ({string.Join(", ", first.ClassNames ?? [])})"
                : member.Device != first.Device ? $"is on {member.Device}, model 1 on {first.Device}"
                : null;
            if (difference is not null)
            {
                throw new ArgumentException($"Ensembles.Average: model {i + 1} {difference}; every member must match.", nameof(members));
            }
        }

        var branches = members.Select(m => (IReadOnlyList<Layer>)(m.OutputsProbabilities ? [.. m.Layers] : [.. m.Layers, Layers.Softmax()])).ToList();
        var ensemble = new Sequential(first.InputShape, first.Seed, first.Device).Add(Layers.Average(branches));
        try
        {
            ensemble.Normalization = first.Normalization;
            ensemble.ClassNames = first.ClassNames;
            CopyWeights(members, (AverageModule)ensemble.Network.Children[0]);
            ensemble.TrainingInfo[TrainingInfoKeys.Ensemble] = string.Join(" + ", members.Select((m, i) => m.TrainingInfo.TryGetValue(TrainingInfoKeys.Architecture, out var name) ? name : $"model {i + 1}"));
            for (var i = 0; i < members.Count; i++)
            {
                foreach (var (key, value) in members[i].TrainingInfo.Where(kv => kv.Key != TrainingInfoKeys.History))
                {
                    ensemble.TrainingInfo[$"member{i + 1}.{key}"] = value;
                }
            }

            return ensemble;
        }
        catch
        {
            ensemble.Dispose();
            throw;
        }
    }

    /// <summary>Copies each member's parameters and buffers into its branch, module by module (the branch was built from the same layers).</summary>
    private static void CopyWeights(IReadOnlyList<Sequential> members, AverageModule average)
    {
        using var noGrad = no_grad();
        for (var b = 0; b < members.Count; b++)
        {
            var source = members[b].Network.Children;
            var target = average.BranchModules[b];
            for (var i = 0; i < source.Count; i++)
            {
                var from = source[i].state_dict();
                var to = target[i].state_dict();
                foreach (var (name, tensor) in to)
                {
                    tensor.copy_(from[name]);
                }
            }
        }
    }
}
