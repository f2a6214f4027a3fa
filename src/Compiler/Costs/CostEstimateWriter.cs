using System.Text;
using System.Text.Json;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Costs;

/// <summary>Writes <c>cost-estimate.json</c> and <c>cost-estimate.md</c> for one environment.</summary>
public static class CostEstimateWriter
{
    /// <summary>File name of the machine-readable estimate.</summary>
    public const string JsonFileName = "cost-estimate.json";

    /// <summary>File name of the human-readable estimate.</summary>
    public const string MarkdownFileName = "cost-estimate.md";

    /// <summary>
    /// Estimates <paramref name="environment"/> and writes both files into <paramref name="directory"/> (created if
    /// missing). Returns the estimate, whose <see cref="CostEstimate.Diagnostics"/> the caller prints and whose
    /// <see cref="CostEstimate.ToSummaryLine"/> is the build log line.
    /// </summary>
    public static CostEstimate Write(ResolvedEnvironment environment, string directory, UsageSpec? usage = null, MonitoringInventory? monitoring = null, KeyInventory? keys = null)
    {
        var estimate = CostEstimator.Estimate(environment, usage, monitoring, keys);
        Write(estimate, directory);
        return estimate;
    }

    /// <summary>Writes an existing estimate into <paramref name="directory"/>.</summary>
    public static void Write(CostEstimate estimate, string directory)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(directory, JsonFileName), ToJson(estimate), utf8);
        File.WriteAllText(Path.Combine(directory, MarkdownFileName), CostMarkdown.Render(estimate), utf8);
    }

    /// <summary>The JSON text of <paramref name="estimate"/>: fixed key order, two-decimal money, <c>\n</c> line ends.</summary>
    public static string ToJson(CostEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("currency", CostEstimate.Currency);
            json.WriteString("platform", estimate.Platform);
            json.WriteString("environment", estimate.Environment);
            json.WriteString("region", estimate.Region);
            json.WriteBoolean("complete", estimate.Complete);
            WriteMoney(json, "monthlyTotal", estimate.MonthlyTotal);
            WriteMoney(json, "peakMonthlyTotal", estimate.PeakMonthlyTotal);
            json.WriteStartArray("lines");
            foreach (var line in estimate.Lines)
            {
                json.WriteStartObject();
                json.WriteString("group", line.Group);
                json.WriteString("item", line.Item);
                json.WritePropertyName("quantity");
                json.WriteRawValue(CostFormat.Quantity(line.Quantity));
                json.WritePropertyName("peakQuantity");
                json.WriteRawValue(CostFormat.Quantity(line.PeakQuantity));
                json.WriteString("unit", line.Unit);
                json.WritePropertyName("unitPrice");
                json.WriteRawValue(CostFormat.UnitPrice(line.UnitPrice));
                WriteMoney(json, "monthlyCost", line.MonthlyCost);
                WriteMoney(json, "peakMonthlyCost", line.PeakMonthlyCost);
                json.WriteString("priceKey", line.PriceKey);
                json.WriteString("priceRegion", line.PriceRegion);
                json.WriteString("source", line.Source);
                json.WriteBoolean("assumed", line.Assumed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("assumptions");
            foreach (var assumption in estimate.Assumptions)
            {
                json.WriteStartObject();
                json.WriteString("name", assumption.Name);
                json.WriteString("value", assumption.Value);
                json.WriteString("description", assumption.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in estimate.Diagnostics)
            {
                json.WriteStringValue(diagnostic.ToCanonicalString());
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteMoney(Utf8JsonWriter json, string name, decimal? value)
    {
        json.WritePropertyName(name);
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteRawValue(CostFormat.Money(value.Value));
        }
    }
}
