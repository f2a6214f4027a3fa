namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// One dashboard widget as plain data, in the JSON form CDK 2.160's widget classes render (made by
/// <see cref="DashboardWidgets"/>); its place on the grid is set by <see cref="DashboardBody"/>.
/// </summary>
/// <param name="Type">CloudWatch widget type: text, alarm or metric.</param>
/// <param name="Width">Width in grid columns (of 24).</param>
/// <param name="Height">Height in grid rows.</param>
/// <param name="Properties">The widget's "properties" object.</param>
internal sealed record DashboardWidget(string Type, int Width, int Height, JsonFields Properties);
