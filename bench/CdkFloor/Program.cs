using Amazon.CDK;

// The least any CDK-based compiler can cost: start the process and jsii, create one App, synthesize an
// empty stack. bench/run divides trilho's compile time by this.
var app = new App();
var stack = new Stack(app, "Floor", new StackProps { Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()) });
_ = new CfnWaitConditionHandle(stack, "Nothing");
var template = app.Synth().GetStackByName("Floor").Template;
Console.WriteLine(template is null ? "no template" : "synthesized");
