namespace Fer.Core;

/// <summary>Precision, recall, F1 and support of one class.</summary>
/// <param name="ClassName">The class.</param>
/// <param name="Precision">Correct predictions of the class over all predictions of it; 0 when it was never predicted.</param>
/// <param name="Recall">Correct predictions of the class over its true count; 0 when it has no images.</param>
/// <param name="F1">Harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Support">The number of images whose true class it is.</param>
public sealed record ClassMetrics(string ClassName, double Precision, double Recall, double F1, long Support);
