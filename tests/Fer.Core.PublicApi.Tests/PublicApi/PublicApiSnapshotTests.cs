using System.Reflection;
using System.Text;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// Tracks the public API: the surface of each package, rendered as text, must equal the committed snapshot beside
/// this file, so that every change to it is deliberate. To accept a change, run the tests with
/// FER_UPDATE_PUBLIC_API=1 and commit the updated snapshot.
/// </summary>
public sealed class PublicApiSnapshotTests
{
    [Theory]
    [InlineData("Fer.Core")]
    [InlineData("Fer.Datasets")]
    [InlineData("Fer.Detection")]
    [InlineData("Fer.Imaging")]
    [InlineData("Fer.Onnx")]
    [InlineData("Fer.Media")]
    public void The_public_api_matches_its_snapshot(string assemblyName)
    {
        var assembly = assemblyName switch
        {
            "Fer.Core" => typeof(EmotionClassifier).Assembly,
            "Fer.Detection" => typeof(Fer.Detection.BlazeFaceDetector).Assembly,
            "Fer.Imaging" => typeof(Fer.Photo).Assembly,
            "Fer.Onnx" => typeof(Fer.Onnx.OnnxEmotionClassifier).Assembly,
            "Fer.Media" => typeof(Fer.Media.VideoAnalysis).Assembly,
            _ => typeof(Fer.Datasets.LabeledFaces).Assembly,
        };
        var actual = Render(assembly);
        var snapshot = SnapshotPath(assemblyName);
        if (Environment.GetEnvironmentVariable("FER_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(snapshot, actual);
        }

        Assert.True(File.Exists(snapshot), $"No snapshot at {snapshot}; run the tests with FER_UPDATE_PUBLIC_API=1 to create it.");
        var expected = File.ReadAllText(snapshot).ReplaceLineEndings("\n");
        var added = actual.Split('\n').Except(expected.Split('\n')).ToArray();
        var removed = expected.Split('\n').Except(actual.Split('\n')).ToArray();
        Assert.True(added.Length == 0 && removed.Length == 0,
            $"The public API of {assemblyName} changed. Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}\n" +
            "If this is deliberate, run the tests with FER_UPDATE_PUBLIC_API=1 and commit the snapshot.");
    }

    internal static string Render(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {Name(type)}{BaseList(type)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .Select(m => "  " + Member(m))
                .Where(m => m.Length > 2)
                .Order(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string SnapshotPath(string assemblyName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fer.Core.PublicApi.Tests", "PublicApi");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(candidate, $"{assemblyName}.txt");
            }
        }

        throw new DirectoryNotFoundException("tests/Fer.Core.PublicApi.Tests/PublicApi was not found above the test folder.");
    }

    private static string Kind(Type type) => type switch
    {
        { IsEnum: true } => "enum",
        { IsInterface: true } => "interface",
        { IsValueType: true } => "struct",
        { IsAbstract: true, IsSealed: true } => "static class",
        { IsAbstract: true } => "abstract class",
        { IsSealed: true } => "sealed class",
        _ => "class",
    };

    private static string BaseList(Type type)
    {
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic).Select(Name).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c.GetParameters())})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m.GetParameters())})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? (IsInit(p) ? "init; " : "set; ") : "")}}}",
        FieldInfo f when f.DeclaringType!.IsEnum => f.IsSpecialName ? "" : $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
        FieldInfo f => $"{(f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type nested => $"nested {Name(nested)}",
        _ => member.ToString() ?? "",
    };

    private static bool IsInit(PropertyInfo p)
        => p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit");

    private static string Generic(MethodInfo m) => m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(Name))}>" : "";

    private static string Parameters(ParameterInfo[] parameters)
        => string.Join(", ", parameters.Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? $" = {p.DefaultValue ?? "null"}" : "")}"));

    private static string Name(Type type)
    {
        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            var builder = new StringBuilder(type.Namespace is null ? name : $"{type.Namespace}.{name}");
            return builder.Append('<').Append(string.Join(", ", type.GetGenericArguments().Select(Name))).Append('>').ToString();
        }

        return type.IsGenericParameter ? type.Name : type.FullName ?? type.Name;
    }
}
