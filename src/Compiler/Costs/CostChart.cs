using System.Globalization;
using System.Net;
using System.Text;

namespace Trilho.Compiler.Costs;

/// <summary>The comparison as a hand-written SVG bar chart: one group of bars per option, one bar per scenario, scaled per section.</summary>
public static class CostChart
{
    private const int Width = 960;
    private const int LabelWidth = 400;
    private const int BarHeight = 9;
    private const int RowGap = 10;
    private const int SectionGap = 30;
    private const int PlotWidth = Width - LabelWidth - 90;
    private static readonly string[] Colors = ["#9ecae1", "#3182bd", "#fdae6b", "#e6550d", "#a1d99b", "#31a354"];

    /// <summary>The SVG text, with <c>\n</c> line ends.</summary>
    public static string Render(CostComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var scenarios = comparison.Scenarios.Count;
        var sections = comparison.Rows.Select(r => r.Section).Distinct().ToList();
        var rowHeight = scenarios * BarHeight + RowGap;
        var height = 70 + sections.Count * SectionGap + comparison.Rows.Count * rowHeight + 20;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">{Escape(comparison.Platform)}: monthly USD by option (bars scaled per section)</text>\n");
        for (var i = 0; i < scenarios; i++)
        {
            var x = 10 + i * 150;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"34\" width=\"12\" height=\"12\" fill=\"{Colors[i % Colors.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 16}\" y=\"44\">{Escape(comparison.Scenarios[i].Label)}</text>\n");
        }

        var y = 70;
        foreach (var section in sections)
        {
            var rows = comparison.Rows.Where(r => r.Section == section).ToList();
            var max = rows.SelectMany(r => r.Costs).Max(c => c ?? 0m);
            y += SectionGap;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y - 10}\" font-weight=\"bold\">{Escape(section)}</text>\n");
            foreach (var row in rows)
            {
                var label = row.Chosen ? row.Option + " (chosen)" : row.Option;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + scenarios * BarHeight / 2 + 4}\">{Escape(label)}</text>\n");
                for (var i = 0; i < scenarios; i++)
                {
                    var cost = row.Costs[i];
                    var barY = y + i * BarHeight;
                    var width = cost is null || max == 0m ? 0m : Math.Round(cost.Value / max * PlotWidth, 1);
                    var text = cost is null ? "n/a" : CostFormat.Money(cost.Value);
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{barY}\" width=\"{width.ToString("0.#", CultureInfo.InvariantCulture)}\" height=\"{BarHeight - 1}\" fill=\"{Colors[i % Colors.Length]}\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(LabelWidth + width + 4).ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{barY + BarHeight - 1}\" font-size=\"9\">{text}</text>\n");
                }

                y += rowHeight;
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
