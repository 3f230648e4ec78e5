using Fer.Datasets;

namespace Fer.Core.Tests;

public sealed class LogitAdjustmentTests
{
    [Fact]
    public void Tau_is_the_best_macro_f1_within_half_a_point_of_the_unadjusted_accuracy()
    {
        (double, double, double)[] candidates =
        [
            (0.0, 0.6641, 0.630),
            (0.1, 0.6659, 0.632),
            (0.2, 0.6600, 0.651), // best F1, but 0.41 pp less accurate: allowed
            (0.3, 0.6580, 0.660), // better F1, but 0.61 pp less accurate: excluded
            (0.4, 0.6620, 0.651), // ties 0.2: the earlier wins
        ];

        Assert.Equal(0.2, LogitAdjustment.ChooseTau(candidates));
        Assert.Equal(0.0, LogitAdjustment.ChooseTau([(0.0, 0.5, 0.4), (0.1, 0.49, 0.5)]));
    }

    [Fact]
    public void Folding_moves_the_output_bias_by_minus_tau_log_prior_so_predictions_follow_the_adjusted_scores()
    {
        var faces = SyntheticFaces.Make(60, seed: 2);
        double[] priors = [0.5, 0.1, 0.4];
        using var model = SyntheticFaces.SmallNet(seed: 4);
        var biasBefore = model.GetWeights()["dense.bias"].ToArray<float>();
        var probabilities = model.Predict(faces);

        LogitAdjustment.Fold(model, priors, tau: 0.7);

        var biasAfter = model.GetWeights()["dense.bias"].ToArray<float>();
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(biasBefore[c] - (0.7 * Math.Log(priors[c])), biasAfter[c], 1e-5);
        }

        Assert.Equal(probabilities.Select(p => AdjustedArgMax(p, priors, 0.7)), model.Predict(faces).Select(p => AdjustedArgMax(p, priors, 0)));
    }

    [Fact]
    public void Apply_measures_priors_on_the_training_split_and_never_lowers_validation_macro_f1()
    {
        var (train, validation) = (Imbalanced(seed: 1), Imbalanced(seed: 2));
        using var model = SyntheticFaces.SmallNet(seed: 4).Compile();
        model.Fit(train, epochs: 2, batchSize: 16);
        var probabilities = model.Predict(validation);

        var choice = LogitAdjustment.Apply(model, train, validation);

        Assert.Equal([0.5, 1 / 6.0, 1 / 3.0], choice.Priors, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(1, choice.RarestClass);
        Assert.Equal(Accuracy(validation, probabilities, choice.Priors, 0), choice.Before.Accuracy);
        Assert.Equal(Accuracy(validation, probabilities, choice.Priors, choice.Tau), choice.After.Accuracy);
        Assert.True(choice.After.MacroAverage.F1 >= choice.Before.MacroAverage.F1);
        Assert.True(choice.After.Accuracy >= choice.Before.Accuracy - 0.005);
        Assert.Contains("vertical (rarest) recall", choice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_softmax_after_the_dense_layer_is_allowed()
    {
        using var model = new Sequential((1, 16, 16), seed: 2).Add(Layers.Flatten()).Add(Layers.Dense(3)).Add(Layers.Softmax());

        var choice = LogitAdjustment.Apply(model, Imbalanced(seed: 1), Imbalanced(seed: 2));

        Assert.InRange(choice.Tau, 0, 1);
    }

    [Fact]
    public void A_model_without_an_output_bias_is_refused()
    {
        using var noBias = new Sequential((1, 16, 16)).Add(Layers.Flatten()).Add(Layers.Dense(3, useBias: false));

        var error = Assert.Throws<FerModelException>(() => LogitAdjustment.Apply(noBias, Imbalanced(1), Imbalanced(2)));

        Assert.Contains("output layer is dense (Dense)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_training_split_without_some_class_is_refused_by_name()
    {
        var withoutDiagonals = Subset(SyntheticFaces.Make(30, seed: 1), i => i % 3 != 2);
        using var model = SyntheticFaces.SmallNet();

        var error = Assert.Throws<FerDataException>(() => LogitAdjustment.Apply(model, withoutDiagonals, Imbalanced(2)));

        Assert.Contains("no face of class 2 (diagonal)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>30 horizontal, 10 vertical and 20 diagonal bars.</summary>
    private static LabeledFaces Imbalanced(int seed) => Subset(SyntheticFaces.Make(90, seed), i => (i % 3) switch { 0 => true, 1 => i % 9 == 1, _ => i % 9 != 8 });

    private static LabeledFaces Subset(LabeledFaces faces, Func<int, bool> keep)
    {
        var indices = Enumerable.Range(0, faces.Count).Where(keep).ToArray();
        var pixels = indices.SelectMany(i => faces.GetPixels(i).ToArray()).ToArray();
        var labels = indices.Select(i => faces.Labels[i]).ToArray();
        return LabeledFaces.FromPixels(pixels, labels, faces.Shape, faces.ClassNames);
    }

    private static double Accuracy(LabeledFaces faces, float[][] probabilities, IReadOnlyList<double> priors, double tau)
        => Enumerable.Range(0, faces.Count).Count(i => AdjustedArgMax(probabilities[i], priors, tau) == faces.Labels[i]) / (double)faces.Count;

    private static int AdjustedArgMax(float[] probabilities, IReadOnlyList<double> priors, double tau)
    {
        var scores = probabilities.Select((p, c) => Math.Log(p) - (tau * Math.Log(priors[c]))).ToArray();
        return Array.IndexOf(scores, scores.Max());
    }
}
