namespace Fer.Stress;

/// <summary>One hostile input: a description for reports and the call that feeds it to the library.</summary>
internal sealed record FuzzCase(string Description, Action Run);
