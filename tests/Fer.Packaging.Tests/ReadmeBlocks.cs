using System.Text;
using System.Text.RegularExpressions;

namespace Fer.Packaging.Tests;

/// <summary>
/// Compiles every C# block of README.md as a new user would paste it: each block in a file of its own (its own using
/// directives, nothing from the blocks before it) of a new console app that references the packed packages.
/// </summary>
internal static partial class ReadmeBlocks
{
    /// <summary>The README's C# blocks, in order.</summary>
    public static IReadOnlyList<string> Read(string root)
        => CSharpBlock().Matches(File.ReadAllText(Path.Combine(root, "README.md"))).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The C# blocks of every package's own README (src/*/README.md, packed as the package's README.md).</summary>
    public static IReadOnlyList<string> ReadPackageReadmes(string root)
        => Directory.GetFiles(Path.Combine(root, "src"), "README.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => CSharpBlock().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToList();

    /// <summary>Writes the console app into <paramref name="folder"/>: Block1.cs … BlockN.cs, each block's statements in a method of its own class.</summary>
    public static void WriteProject(string folder, IReadOnlyList<string> blocks, string feed, string version)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ReadmeBlocks.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fer.Core" Version="{version}" />
                <PackageReference Include="Fer.Detection" Version="{version}" />
                <PackageReference Include="Fer.Onnx" Version="{version}" />
                <PackageReference Include="Fer.Media" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="local-feed" value="{feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "Console.WriteLine(\"README blocks compile\");\n");
        for (var i = 0; i < blocks.Count; i++)
        {
            var lines = blocks[i].Split('\n');
            var directives = lines.TakeWhile(l => l.Length == 0 || UsingDirective().IsMatch(l)).ToList();
            var body = new StringBuilder();
            body.AppendLine(string.Join('\n', directives));
            body.AppendLine($"internal static class ReadmeBlock{i + 1}");
            body.AppendLine("{");
            body.AppendLine("    public static void Run()");
            body.AppendLine("    {");
            body.AppendLine(string.Join('\n', lines.Skip(directives.Count)));
            body.AppendLine("    }");
            body.AppendLine("}");
            File.WriteAllText(Path.Combine(folder, $"Block{i + 1}.cs"), body.ToString());
        }
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using [A-Za-z][A-Za-z0-9.]*;")]
    private static partial Regex UsingDirective();
}
