using System.Globalization;
using BenchmarkDotNet.Running;
using Trilho.Benchmarks;

// `generate <apps> <environments>` prints a platform.yaml for bench/run; anything else runs BenchmarkDotNet.
if (args is ["generate", var apps, var environments])
{
    Console.Write(PlatformGenerator.Generate(int.Parse(apps, CultureInfo.InvariantCulture), int.Parse(environments, CultureInfo.InvariantCulture)));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(FrontEndBenchmarks).Assembly).Run(args);
return 0;
