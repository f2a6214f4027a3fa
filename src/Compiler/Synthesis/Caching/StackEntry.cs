namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// One stack as the per-stack cache stores it: its template and everything the stack graph knew of it (exports,
/// parameters and their sources, the outputs it imported, image pushes, warnings), so that a later compile can put it
/// back into the graph without building its constructs (docs/decisions/0019-synthesis-cache.md).
/// </summary>
/// <param name="StackName">CloudFormation stack name.</param>
/// <param name="Region">Region it deploys to.</param>
/// <param name="Template">Its normalized template.</param>
/// <param name="Capabilities">Capabilities its deploy acknowledges.</param>
/// <param name="Parameters">Its parameters and their sources, in declaration order.</param>
/// <param name="Imports">Every output of another stack it imports: a replay is refused unless each is still exported, with the same description.</param>
/// <param name="ImportsFrom">Names of the stacks it imports from, in the order it first did.</param>
/// <param name="Exports">Its outputs, in declaration order.</param>
/// <param name="Images">Image pushes it declared.</param>
/// <param name="Tasks">One-off tasks run right after it.</param>
/// <param name="Values">What its stack definition needs besides outputs to be replayed (e.g. alarm names), in the order it stored them.</param>
/// <param name="Warnings">What CDK warned while synthesizing it.</param>
public sealed record StackEntry(
    string StackName,
    string Region,
    string Template,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<KeyValuePair<string, ParameterValue>> Parameters,
    IReadOnlyList<StoredOutput> Imports,
    IReadOnlyList<string> ImportsFrom,
    IReadOnlyList<StoredOutput> Exports,
    IReadOnlyList<ImagePush> Images,
    IReadOnlyList<TaskRun> Tasks,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> Warnings);

/// <summary>An output as the graph names it.</summary>
/// <param name="Stack">The exporting stack.</param>
/// <param name="Name">The output's name.</param>
/// <param name="Description">The output's description, which importing parameters repeat.</param>
public sealed record StoredOutput(string Stack, string Name, string Description);
