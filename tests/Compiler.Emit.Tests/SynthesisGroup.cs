namespace Trilho.Compiler.Emit.Tests;

/// <summary>Every test class that reads synthesized output shares one <see cref="SynthesisFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SynthesisGroup : ICollectionFixture<SynthesisFixture>
{
    public const string Name = "synthesis";
}
