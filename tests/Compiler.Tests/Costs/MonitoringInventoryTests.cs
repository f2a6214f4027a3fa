using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Tests.Costs;

public sealed class MonitoringInventoryTests
{
    /// <summary>A metric-math alarm counts each metric it reads (CloudWatch bills it so); expressions are not metrics.</summary>
    [Fact]
    public void Counts_billed_units_in_templates()
    {
        const string first = """
            {"Resources": {
              "Math": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Metrics": [
                {"Id": "e", "Expression": "a / b"},
                {"Id": "a", "MetricStat": {"Metric": {"MetricName": "A", "Namespace": "N"}, "Period": 60, "Stat": "Sum"}, "ReturnData": false},
                {"Id": "b", "MetricStat": {"Metric": {"MetricName": "B", "Namespace": "N"}, "Period": 60, "Stat": "Sum"}, "ReturnData": false}]}},
              "Single": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "C", "Namespace": "N"}},
              "Any": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {}},
              "Check": {"Type": "AWS::Route53::HealthCheck", "Properties": {}}}}
            """;
        const string second = """
            {"Resources": {
              "Board": {"Type": "AWS::CloudWatch::Dashboard", "Properties": {}},
              "Filter": {"Type": "AWS::Logs::MetricFilter", "Properties": {}},
              "Delivery": {"Type": "AWS::Logs::Delivery", "Properties": {}},
              "Topic": {"Type": "AWS::SNS::Topic", "Properties": {}},
              "Cpu": {"Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": {"PolicyType": "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 60, "DisableScaleIn": false}}},
              "OutOnly": {"Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": {"PolicyType": "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 60, "DisableScaleIn": true}}},
              "Step": {"Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": {"PolicyType": "StepScaling",
                "StepScalingPolicyConfiguration": {}}}}}
            """;

        // Target tracking: a high and a low alarm, only the high one when scale-in is disabled; step scaling uses the
        // alarms the templates define (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html).
        Assert.Equal(new MonitoringInventory(2, 3, 1, 1, 1, 1, 1, ScalingAlarms: 3), MonitoringInventory.FromTemplates([first, second]));
    }

    [Fact]
    public void The_estimate_prices_the_inventory_it_is_given()
    {
        var inventory = new MonitoringInventory(Alarms: 10, AlarmMetrics: 25, CompositeAlarms: 4, Dashboards: 3, HealthChecks: 2, MetricFilters: 0, LogDeliveries: 0, ScalingAlarms: 4);
        var estimate = CostEstimator.Estimate(CostTestData.Environment(), CostTestData.SimpleUsage, inventory);
        Assert.Equal(25m, estimate.Lines.Single(l => l.Item == "Alarms (10, reading 25 metrics)").Quantity);
        Assert.Equal(4m, estimate.Lines.Single(l => l.Item == "Target tracking alarms (4, created by Application Auto Scaling)").Quantity);
        Assert.Equal(4m, estimate.Lines.Single(l => l.Item == "Composite alarms (4)").Quantity);
        Assert.Equal(3m, estimate.Lines.Single(l => l.Item == "Dashboards (3)").Quantity);
        Assert.Equal(2m, estimate.Lines.Single(l => l.Item == "Health checks (2)").Quantity);
    }
}
