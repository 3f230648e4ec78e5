using System.Reflection;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// Namespaces follow packages: every public type of a package lives in that package's namespace (or below it), and
/// the contracts every package shares live in <c>Fer</c>, in the bottom package Fer.Imaging. No package forwards types.
/// </summary>
public sealed class NamespaceOwnershipTests
{
    private static readonly Assembly[] Packages =
    [
        typeof(EmotionClassifier).Assembly,
        typeof(Fer.Datasets.LabeledFaces).Assembly,
        typeof(Fer.Detection.BlazeFaceDetector).Assembly,
        typeof(Fer.Photo).Assembly,
        typeof(Fer.Onnx.OnnxEmotionClassifier).Assembly,
        typeof(Fer.Media.VideoAnalysis).Assembly,
    ];

    [Fact]
    public void Every_public_type_lives_in_its_package_namespace()
    {
        var misplaced = Packages
            .SelectMany(assembly => assembly.GetExportedTypes().Select(type => (Package: assembly.GetName().Name!, Type: type)))
            .Where(p => !Belongs(p.Type.Namespace ?? "", p.Package))
            .Select(p => $"{p.Type.FullName} (package {p.Package})")
            .ToList();

        Assert.True(misplaced.Count == 0, "public types outside their package's namespace:\n" + string.Join('\n', misplaced));
    }

    [Fact]
    public void No_package_forwards_types()
        => Assert.All(Packages, assembly => Assert.Empty(assembly.GetForwardedTypes()));

    [Fact]
    public void Shared_contracts_are_in_Fer_and_come_from_the_bottom_package()
    {
        var shared = Packages.SelectMany(a => a.GetExportedTypes()).Where(t => t.Namespace == "Fer").ToList();

        Assert.Contains(typeof(Photo), shared);
        Assert.Contains(typeof(IEmotionPredictor), shared);
        Assert.All(shared, t => Assert.Equal("Fer.Imaging", t.Assembly.GetName().Name));
    }

    private static bool Belongs(string ns, string package)
        => ns == package || ns.StartsWith(package + ".", StringComparison.Ordinal) || (package == "Fer.Imaging" && ns == "Fer");
}
