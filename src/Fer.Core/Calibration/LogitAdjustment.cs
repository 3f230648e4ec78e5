using Fer.Datasets;
using NumSharp;

namespace Fer.Core;

/// <summary>
/// Post-hoc logit adjustment (Menon et al., "Long-tail learning via logit adjustment", ICLR 2021): subtracting
/// tau * log(prior of class c) from class c's logit moves a little recall from the frequent classes to the rare ones
/// (disgust is 1.5% of FER2013 Training). It is folded into the output layer's bias, so the shipped model carries it
/// and prediction code does not change. tau is chosen on the validation split alone: the highest macro F1 among
/// tau = 0, 0.1, …, 1 whose accuracy is at most 0.5 pp below the unadjusted model's (the smallest tau on ties).
/// </summary>
/// <example>
/// <code>
/// var (train, validation) = data.Training.SplitStratified(0.1, seed: 42);
/// // … train model on train …
/// LogitAdjustmentChoice choice = LogitAdjustment.Apply(model, train, validation);
/// Console.WriteLine(choice);   // tau, priors, validation accuracy / macro F1 / rarest-class recall before and after
/// </code>
/// </example>
public static class LogitAdjustment
{
    private const double AccuracyTolerance = 0.005;

    /// <summary>Chooses tau on <paramref name="validation"/>, applies it to <paramref name="model"/>'s output bias and reports the choice.</summary>
    /// <param name="model">A trained model whose last layer is a Dense layer with a bias; changed in place.</param>
    /// <param name="train">The data the model was trained on: the class priors are counted there.</param>
    /// <param name="validation">Held-out data, never the test set: tau is chosen there.</param>
    /// <returns>The chosen tau, the priors, and the validation metrics before and after.</returns>
    /// <exception cref="FerDataException">A class has no face in <paramref name="train"/>.</exception>
    /// <exception cref="FerModelException">The model does not end in a Dense layer with a bias.</exception>
    public static LogitAdjustmentChoice Apply(Sequential model, LabeledFaces train, LabeledFaces validation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        var biasName = OutputBiasName(model);
        var priors = Enumerable.Range(0, model.OutputCount).Select(c => train.Labels.Count(l => l == c) / (double)train.Count).ToArray();
        var missing = Array.IndexOf(priors, 0.0);
        if (missing >= 0)
        {
            throw new FerDataException($"{train.Source} has no face of class {missing} ({train.ClassNames[missing]}); logit adjustment needs every class's prior.") { Input = train.Source };
        }

        var probabilities = model.Predict(validation);
        var candidates = Enumerable.Range(0, 11)
            .Select(step => step / 10.0)
            .Select(tau => (Tau: tau, Metrics: Measure(validation, Adjusted(probabilities, priors, tau))))
            .ToArray();
        var before = candidates[0].Metrics;
        var tau = ChooseTau(candidates.Select(c => (c.Tau, c.Metrics.Accuracy, c.Metrics.MacroAverage.F1)).ToArray());

        Fold(model, biasName, priors, tau);
        var after = Measure(validation, model.Predict(validation));
        return new LogitAdjustmentChoice(tau, priors, before, after);
    }

    /// <summary>Subtracts <paramref name="tau"/> * log(<paramref name="priors"/>[c]) from the output layer's bias for each class c.</summary>
    internal static void Fold(Sequential model, IReadOnlyList<double> priors, double tau) => Fold(model, OutputBiasName(model), priors, tau);

    private static void Fold(Sequential model, string biasName, IReadOnlyList<double> priors, double tau)
    {
        var bias = model.GetWeights()[biasName];
        for (var c = 0; c < priors.Count; c++)
        {
            bias[c] = (float)(bias.GetSingle(c) - (tau * Math.Log(priors[c])));
        }

        model.SetWeights(new Dictionary<string, NDArray> { [biasName] = bias });
    }

    /// <summary>The name of the output layer's bias: the last Dense, which only a Softmax may follow, with a bias.</summary>
    private static string OutputBiasName(Sequential model)
    {
        var rows = model.Summary().Rows;
        var index = rows.Count > 1 && model.Layers[^1] is ActivationLayer { Function: ActivationKind.Softmax } ? rows.Count - 2 : rows.Count - 1;
        var output = rows[index];
        if (model.Layers[index] is not DenseLayer { UseBias: true })
        {
            throw new FerModelException($"Logit adjustment needs a model whose output layer is a Dense with a bias (optionally followed by Softmax); its output layer is {output.Name} ({output.Kind}).");
        }

        return $"{output.Name}.bias";
    }

    /// <summary>
    /// The tau with the highest macro F1 among those whose accuracy is at most 0.5 pp below the first candidate's
    /// (tau = 0, the unadjusted model); the earliest on ties.
    /// </summary>
    internal static double ChooseTau(IReadOnlyList<(double Tau, double Accuracy, double MacroF1)> candidates)
    {
        var baseline = candidates[0].Accuracy;
        return candidates.Where(c => c.Accuracy >= baseline - AccuracyTolerance).MaxBy(c => c.MacroF1).Tau;
    }

    private static float[][] Adjusted(float[][] probabilities, double[] priors, double tau)
        => probabilities.Select(p => p.Select((value, c) => (float)(Math.Log(Math.Max(value, 1e-12)) - (tau * Math.Log(priors[c])))).ToArray()).ToArray();

    private static ClassificationMetrics Measure(LabeledFaces faces, float[][] scores)
    {
        var metrics = new MetricsAccumulator(faces.ClassNames);
        metrics.AddBatch(faces.Labels, scores);
        return metrics.Compute();
    }
}
