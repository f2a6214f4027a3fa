// CDK (jsii) is not thread-safe: two synths at once hang or corrupt each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
