using System.Text;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Golden;

/// <summary>
/// Approval tests: every file `trilho compile` writes for a case must equal the approved copy committed under
/// <c>Golden/Cases/&lt;case&gt;/approved/&lt;env&gt;/</c> (templates compared in <see cref="ReviewLayout"/>: the written ones are
/// minified, see <c>WrittenTemplateTests</c>). A mismatch writes <c>*.received.*</c> beside it (git-ignored).
/// <c>TRILHO_APPROVE=1</c> overwrites the approved files (never when <c>CI</c> is set); review the diff like code.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class GoldenTests(SynthesisFixture fixture)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(RepositoryPaths.GoldenCases).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Emitted_files_match_the_approved_files(string caseName)
    {
        var approvedRoot = Path.Combine(RepositoryPaths.GoldenCases, caseName, "approved");
        var inCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        var approve = Environment.GetEnvironmentVariable("TRILHO_APPROVE") == "1" && !inCi;

        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var environment in fixture.Cases[caseName].Environments)
        {
            foreach (var stack in environment.Plan.Stacks)
            {
                // Written minified; approved indented, so the approved diff stays reviewable. Same JSON either way.
                expected[Path.Combine(environment.Environment, stack.FileName)] = ReviewLayout.Indent(stack.Template);
            }

            expected[Path.Combine(environment.Environment, OutputWriter.PlanFileName)] = DeployPlanJson.Write(environment.Plan);
        }

        var problems = new List<string>();
        foreach (var (relative, actual) in expected)
        {
            var approvedPath = Path.Combine(approvedRoot, relative);
            var receivedPath = Received(approvedPath);
            if (approve)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
                File.WriteAllText(approvedPath, actual, Utf8);
            }

            if (File.Exists(approvedPath) && File.ReadAllText(approvedPath) == actual)
            {
                File.Delete(receivedPath);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
            File.WriteAllText(receivedPath, actual, Utf8);
            problems.Add(File.Exists(approvedPath)
                ? $"{relative}: differs from the approved file; compare with {receivedPath}"
                : $"{relative}: no approved file; review {receivedPath} and approve with TRILHO_APPROVE=1");
        }

        // An approved file Trilho no longer writes is a stack CI would still deploy from an old checkout.
        if (Directory.Exists(approvedRoot))
        {
            foreach (var file in Directory.EnumerateFiles(approvedRoot, "*.json", SearchOption.AllDirectories).Where(f => !f.Contains(".received.", StringComparison.Ordinal)))
            {
                var relative = Path.GetRelativePath(approvedRoot, file);
                if (!expected.ContainsKey(relative))
                {
                    if (approve)
                    {
                        File.Delete(file);
                    }
                    else
                    {
                        problems.Add($"{relative}: approved but no longer emitted; delete it if that is intended");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, $"golden case '{caseName}':\n" + string.Join("\n", problems));
    }

    private static string Received(string approvedPath) =>
        Path.Combine(Path.GetDirectoryName(approvedPath)!, Path.GetFileNameWithoutExtension(approvedPath) + ".received" + Path.GetExtension(approvedPath));
}
