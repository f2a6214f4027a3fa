namespace Trilho.Compiler.Synthesis;

/// <summary>One synthesized stack: its CloudFormation template and how to deploy it.</summary>
/// <param name="StackName">CloudFormation stack name, e.g. <c>desafio-dev-shared</c>.</param>
/// <param name="Region">Region the stack deploys to.</param>
/// <param name="FileName">Template file name, <c>&lt;stack name&gt;.template.json</c>.</param>
/// <param name="Template">The template, JSON, deterministic.</param>
/// <param name="Capabilities">Capabilities <c>aws cloudformation deploy</c> needs, e.g. CAPABILITY_IAM.</param>
/// <param name="Parameters">Every template parameter and where its value comes from, in declaration order.</param>
public sealed record StackTemplate(
    string StackName,
    string Region,
    string FileName,
    string Template,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<KeyValuePair<string, ParameterValue>> Parameters);
