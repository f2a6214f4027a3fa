using Trilho.Compiler.Model;

namespace Trilho.Compiler.Resolution;

/// <summary>One environment as resolution saw it: what validation judges, and what the emitters get.</summary>
/// <param name="Name">The environment id.</param>
/// <param name="Profile">Its profile.</param>
/// <param name="Written">The platform with the environment's overrides merged in and no defaults: what the user wrote for this environment.</param>
/// <param name="Origins">Where each value of <paramref name="Written"/> is written.</param>
/// <param name="Resolved">The environment with every default applied.</param>
internal sealed record EnvironmentLayer(string Name, Profile Profile, PlatformSpec Written, Origins Origins, ResolvedEnvironment Resolved);
