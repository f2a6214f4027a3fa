using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// A dashboard built as one JSON string in C# and emitted as a single <see cref="CfnDashboard"/>: the L2 classes
/// cost a jsii round trip (about 1.2 ms) per metric, widget and duration, hundreds per dashboard
/// (docs/performance.md). Rows are laid out as CDK's Row and Column do: widgets left to right, wrapping at 24
/// columns, each row below the previous one.
/// </summary>
internal sealed class DashboardBody
{
    private const int GridWidth = 24;

    private readonly List<IReadOnlyList<DashboardWidget>> rows = [];

    /// <summary>Adds a row of widgets below the rows so far.</summary>
    public void AddRow(params DashboardWidget[] widgets) => rows.Add(widgets);

    /// <summary>Emits the dashboard as resource <paramref name="id"/> (also its logical ID) in <paramref name="stack"/>.</summary>
    public CfnDashboard Emit(Stack stack, string id, string name, string start) => new(stack, id, new CfnDashboardProps
    {
        DashboardName = name,
        DashboardBody = JsonText.Write(new JsonFields { { "start", start }, { "widgets", Placed() } }),
    });

    private List<JsonFields> Placed()
    {
        var placed = new List<JsonFields>();
        var top = 0;
        foreach (var row in rows)
        {
            int x = 0, y = 0, height = 0;
            foreach (var widget in row)
            {
                if (x + widget.Width > GridWidth)
                {
                    y = height;
                    x = 0;
                }

                placed.Add(new JsonFields
                {
                    { "type", widget.Type },
                    { "width", widget.Width },
                    { "height", widget.Height },
                    { "x", x },
                    { "y", top + y },
                    { "properties", widget.Properties },
                });
                height = Math.Max(height, y + widget.Height);
                x += widget.Width;
            }

            top += height;
        }

        return placed;
    }
}
