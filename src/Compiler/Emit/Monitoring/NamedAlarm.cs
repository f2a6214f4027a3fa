namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>An alarm with its literal name: the resource's name attribute is a token that must not cross stacks or regions.</summary>
/// <param name="Alarm">The alarm.</param>
/// <param name="Name">Its CloudWatch name.</param>
internal sealed record NamedAlarm(AlarmResource Alarm, string Name);
