namespace Trilho.Compiler.Synthesis;

/// <summary>One synthesized stack: its CloudFormation template and how to deploy it.</summary>
/// <param name="StackName">CloudFormation stack name, e.g. <c>desafio-dev-shared</c>.</param>
/// <param name="Region">Region the stack deploys to.</param>
/// <param name="FileName">Template file name, <c>&lt;stack name&gt;.template.json</c>.</param>
/// <param name="Template">The template, minified JSON, deterministic: exactly the bytes written and deployed.</param>
/// <param name="Capabilities">Capabilities <c>aws cloudformation deploy</c> needs, e.g. CAPABILITY_IAM.</param>
/// <param name="Parameters">Every template parameter and where its value comes from, in declaration order.</param>
public sealed record StackTemplate(
    string StackName,
    string Region,
    string FileName,
    string Template,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<KeyValuePair<string, ParameterValue>> Parameters)
{
    /// <summary>Largest template <c>aws cloudformation deploy --template-file</c> accepts without <c>--s3-bucket</c>.</summary>
    public const int InlineTemplateLimit = 51_200;

    /// <summary>Size of <see cref="Template"/> in bytes, as written to <see cref="FileName"/> (UTF-8).</summary>
    public int TemplateBytes => System.Text.Encoding.UTF8.GetByteCount(Template);

    /// <summary>True when the template is over <see cref="InlineTemplateLimit"/>: deploying it needs an S3 bucket to upload it to.</summary>
    public bool NeedsS3Upload => TemplateBytes > InlineTemplateLimit;
}
