using CsCheck;

namespace Trilho.Compiler.Tests.Validation;

/// <summary>Random mutations of the samples: the front end never throws, and never claims success without a platform.</summary>
public class PropertyTests
{
    private static readonly string[] Samples =
    [
        File.ReadAllText(Repository.PathOf("samples", "desafio-aws", "platform.yaml")),
        File.ReadAllText(Repository.PathOf("samples", "minimal", "platform.yaml")),
    ];

    private static readonly string[] Scalars = ["", "~", "0", "-1", "99999999999", "1.5", "true", "\"x\"", "[]", "{}", "/", "'", "&a", "*a", "api", "static", "AKIAIOSFODNN7EXAMPLE", ":", "- x", "&r [*r]", "{ a: &s { b: *s } }", "[[[[[[[[[[[["];

    private static string Mutate(string text, int kind, int a, int b, int scalar)
    {
        var lines = text.Split('\n').ToList();
        var i = a % lines.Count;
        var j = b % lines.Count;
        switch (kind)
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                lines.Insert(i, lines[j]);
                break;
            case 2:
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
            case 3:
                lines[i] = new string(' ', b % 7) + lines[i].TrimStart();
                break;
            case 4:
                var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                lines[i] = colon < 0 ? lines[i] + Scalars[scalar] : lines[i][..(colon + 2)] + Scalars[scalar];
                break;
            default:
                return text[..(a % (text.Length + 1))];
        }

        return string.Join('\n', lines);
    }

    [Fact]
    public void Mutated_samples_never_throw_and_never_pass_without_a_platform()
    {
        var mutation = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Int[0, Scalars.Length - 1]);
        Gen.Select(Gen.Int[0, Samples.Length - 1], mutation.Array[1, 4]).Sample(
            input =>
            {
                var (sample, mutations) = input;
                var text = mutations.Aggregate(Samples[sample], (t, m) => Mutate(t, m.Item1, m.Item2, m.Item3, m.Item4));
                var result = FrontEnd.Analyze("platform.yaml", text);
                Assert.True(result.HasErrors || result.Platform is not null, text);
                Assert.All(result.Diagnostics, d => Assert.True(d.Location is { Line: > 0, Column: > 0 }, d.ToCanonicalString()));
            },
            iter: 2000);
    }
}
