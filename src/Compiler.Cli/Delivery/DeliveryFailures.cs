namespace Trilho.Compiler.Cli.Delivery;

/// <summary>How the delivery commands report a failed step: what failed, where, and what to do (exit 1).</summary>
internal static class DeliveryFailures
{
    /// <summary>Runs <paramref name="action"/>; 0 when it finished, 1 after reporting a <see cref="StackFailure"/> or <see cref="DeliveryException"/>.</summary>
    public static int Report(string command, TextWriter stderr, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (StackFailure e)
        {
            stderr.WriteLine($"trilho {command}: FAILED at {e.Step}");
            stderr.WriteLine($"  stack:  {e.Stack} (region {e.Region})");
            stderr.WriteLine($"  error:  {e.Message.Replace("\n", "\n          ", StringComparison.Ordinal)}");
            if (e.Events is not null)
            {
                stderr.WriteLine(e.Events);
            }

            stderr.WriteLine("Nothing after this step ran. Fix the cause, then run the same command again: finished stacks are left as they are.");
            return 1;
        }
        catch (DeliveryException e)
        {
            stderr.WriteLine($"trilho {command}: error{(e.Step is null ? string.Empty : $" at {e.Step}")}: {e.Message}");
            return 1;
        }
    }
}
