// CDK (jsii) is not thread-safe: two syntheses at once hang or corrupt each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
