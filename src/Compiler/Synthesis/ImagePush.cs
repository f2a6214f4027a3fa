namespace Trilho.Compiler.Synthesis;

/// <summary>An image CI must push before the app stack deploys.</summary>
/// <param name="AppId">The api app.</param>
/// <param name="RepositoryUri">Where the repository URI comes from (an output of the shared stack).</param>
/// <param name="Stack">The app stack that runs the image.</param>
/// <param name="TagParameter">The template parameter of that stack that receives the pushed tag.</param>
public sealed record ImagePush(string AppId, ParameterValue RepositoryUri, string Stack, string TagParameter);
