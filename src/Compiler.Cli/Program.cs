using Trilho.Compiler.Cli;

return Cli.Run(args, Console.Out, Console.Error);
