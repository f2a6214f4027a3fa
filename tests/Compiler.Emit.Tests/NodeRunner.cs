using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests;

/// <summary>Runs a CloudFront Function's code with Node.js (which CDK already requires) to test what it does, not how it reads.</summary>
public static class NodeRunner
{
    /// <summary>The uri of the request a viewer-request function returns.</summary>
    public static string RunViewerRequest(string functionCode, string uri) =>
        Run(functionCode, ViewerRequest(uri))["uri"]!.GetValue<string>();

    /// <summary>
    /// A viewer-request event in the shape CloudFront documents
    /// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-event-structure.html).
    /// </summary>
    public static JsonObject ViewerRequest(string uri, JsonObject? querystring = null) => new()
    {
        ["version"] = "1.0",
        ["context"] = new JsonObject { ["eventType"] = "viewer-request" },
        ["viewer"] = new JsonObject { ["ip"] = "198.51.100.7" },
        ["request"] = new JsonObject
        {
            ["method"] = "GET",
            ["uri"] = uri,
            ["querystring"] = querystring ?? [],
            ["headers"] = new JsonObject(),
            ["cookies"] = new JsonObject(),
        },
    };

    /// <summary>A viewer-response event for <paramref name="uri"/> with the origin's <paramref name="statusCode"/>.</summary>
    public static JsonObject ViewerResponse(string uri, int statusCode)
    {
        var response = ViewerRequest(uri);
        response["context"]!["eventType"] = "viewer-response";
        response["response"] = new JsonObject { ["statusCode"] = statusCode, ["statusDescription"] = "OK", ["headers"] = new JsonObject(), ["cookies"] = new JsonObject() };
        return response;
    }

    /// <summary>Whatever the function's handler returns for <paramref name="event"/>: a request or a response.</summary>
    public static JsonNode Run(string functionCode, JsonObject @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var script = functionCode + $"\nprocess.stdout.write(JSON.stringify(handler({@event.ToJsonString()})));\n";
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
        return JsonNode.Parse(output)!;
    }
}
