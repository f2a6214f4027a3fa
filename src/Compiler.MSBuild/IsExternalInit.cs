#if !NET
namespace System.Runtime.CompilerServices;

/// <summary>Lets the C# compiler emit records and init accessors for .NET Framework 4.7.2, which lacks this marker type.</summary>
internal static class IsExternalInit
{
}
#endif
