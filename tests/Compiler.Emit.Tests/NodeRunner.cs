using System.Diagnostics;

namespace Trilho.Compiler.Emit.Tests;

/// <summary>Runs a CloudFront Function's code with Node.js (which CDK already requires) to test what it does, not how it reads.</summary>
public static class NodeRunner
{
    public static string RunViewerRequest(string functionCode, string uri)
    {
        var script = functionCode + $"\nprocess.stdout.write(handler({{ request: {{ uri: {System.Text.Json.JsonSerializer.Serialize(uri)}, headers: {{}} }} }}).uri);\n";
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        node.StandardInput.Write(script);
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEnd();
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, error);
        return output;
    }
}
