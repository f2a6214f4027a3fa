using System.Diagnostics;

namespace Trilho.Compiler.Emit.Tests.Behaviour;

/// <summary>
/// Runs the NAT instance's user data, as emitted, in bash with fake package manager, iptables, sysctl, systemctl and
/// service on PATH: what the instance would do at boot when dnf fails transiently (aws/aws-cdk#36717).
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class NatUserDataTests(SynthesisFixture fixture)
{
    [Fact]
    public void Masquerading_is_configured_only_after_the_package_install_succeeds_even_if_it_first_fails()
    {
        using var boot = new FakeBoot(failingInstalls: 2);

        var result = boot.Run(EmittedUserData());

        Assert.True(result.ExitCode == 0, result.Output);
        var calls = boot.Calls();
        Assert.Equal(3, calls.Count(c => IsInstall(c)));
        Assert.Equal(2, calls.Count(c => c.StartsWith("sleep ", StringComparison.Ordinal)));
        var installed = calls.IndexOf("installed");
        var masquerade = calls.IndexOf("iptables -t nat -A POSTROUTING -o ens5 -j MASQUERADE");
        Assert.True(installed >= 0, result.Output);
        Assert.True(masquerade > installed, string.Join('\n', calls));
        Assert.True(calls.IndexOf("sysctl -p " + boot.SysctlFile) > installed, string.Join('\n', calls));
        Assert.Contains("service iptables save", calls);
        Assert.Equal("net.ipv4.ip_forward=1", File.ReadAllText(boot.SysctlFile).Trim());
        Assert.Contains("trilho-nat: installing iptables-services failed (attempt 1)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_boot_sequence_needs_no_retry_when_the_first_install_succeeds()
    {
        using var boot = new FakeBoot(failingInstalls: 0);

        var result = boot.Run(EmittedUserData());

        Assert.True(result.ExitCode == 0, result.Output);
        var calls = boot.Calls();
        Assert.Single(calls, c => IsInstall(c));
        Assert.DoesNotContain(calls, c => c.StartsWith("sleep ", StringComparison.Ordinal));
        Assert.Contains("iptables -t nat -A POSTROUTING -o ens5 -j MASQUERADE", calls);
    }

    private static bool IsInstall(string call) => call.StartsWith("dnf install", StringComparison.Ordinal) || call.StartsWith("yum install", StringComparison.Ordinal);

    private string EmittedUserData()
    {
        var shared = fixture.Stack("desafio-aws", "dev", "shared");
        var properties = Assert.Single(shared.Resources("AWS::EC2::Instance")).Resource["Properties"]!;
        return (string)properties["UserData"]!["Fn::Base64"]!;
    }

    /// <summary>
    /// A temp directory of fakes. The package manager (yum or dnf) fails <c>failingInstalls</c> times, then "installs":
    /// only then do iptables and its service exist; before, they fail as a missing command and a missing unit do.
    /// <c>sudo</c> runs its command from PATH (CDK's script calls /sbin/iptables), <c>sleep</c> returns at once,
    /// <c>ip</c> and <c>route</c> print an instance's default route via ens5. Every call is logged in order.
    /// </summary>
    private sealed class FakeBoot : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("trilho-nat-boot-").FullName;

        public FakeBoot(int failingInstalls)
        {
            Directory.CreateDirectory(Bin);
            Directory.CreateDirectory(Path.Combine(root, "sysctl.d"));
            var log = $"echo \"$(basename \"$0\") $*\" >> '{CallLog}'";
            var installed = $"[ -f '{root}/installed' ]";
            var packageManager = $"""
                n=$(cat '{root}/attempts' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '{root}/attempts'
                echo "$(basename "$0") $*" >> '{CallLog}'
                if [ $n -le {failingInstalls} ]; then echo "FileNotFoundError: iptables-libs.rpm" >&2; exit 1; fi
                touch '{root}/installed'; echo "installed" >> '{CallLog}'
                """;
            Fake("yum", packageManager);
            Fake("dnf", packageManager);
            Fake("iptables", $"{installed} || {{ echo 'iptables: command not found' >&2; exit 127; }}\n{log}");
            Fake("systemctl", $"{log}\ncase \"$*\" in *iptables*) {installed} || {{ echo 'Unit iptables.service not found.' >&2; exit 5; }};; esac");
            Fake("service", $"{log}\n{installed} || {{ echo 'iptables: unrecognized service' >&2; exit 1; }}");
            Fake("sysctl", log);
            Fake("sleep", log);
            Fake("sudo", "cmd=$(basename \"$1\"); shift; exec \"$cmd\" \"$@\"");
            Fake("ip", "echo 'default via 10.0.0.1 dev ens5 proto dhcp src 10.0.0.10 metric 512'");
            Fake("route", "echo 'Kernel IP routing table'; echo 'Destination Gateway Genmask Flags Metric Ref Use Iface'; echo 'default 10.0.0.1 0.0.0.0 UG 512 0 0 ens5'");
        }

        public string SysctlFile => Path.Combine(root, "sysctl.d", "custom-ip-forwarding.conf");

        private string Bin => Path.Combine(root, "bin");

        private string CallLog => Path.Combine(root, "calls.log");

        public List<string> Calls() => File.Exists(CallLog) ? [.. File.ReadAllLines(CallLog)] : [];

        /// <summary>Runs the script as the instance would (bash, as root); /etc/sysctl.d, the one path a test cannot write, points into the temp directory.</summary>
        public (int ExitCode, string Output) Run(string userData)
        {
            Assert.Contains("/etc/sysctl.d/", userData, StringComparison.Ordinal);
            var script = Path.Combine(root, "user-data.sh");
            File.WriteAllText(script, userData.Replace("/etc/sysctl.d/", Path.Combine(root, "sysctl.d") + "/", StringComparison.Ordinal));
            var start = new ProcessStartInfo("/bin/bash", [script])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["PATH"] = Bin + ":/usr/bin:/bin";
            using var bash = Process.Start(start)!;
            var stderr = bash.StandardError.ReadToEndAsync();
            var stdout = bash.StandardOutput.ReadToEnd();
            Assert.True(bash.WaitForExit(TimeSpan.FromSeconds(30)), "the user data did not finish");
            return (bash.ExitCode, stdout + stderr.Result);
        }

        public void Dispose() => Directory.Delete(root, recursive: true);

        private void Fake(string name, string body)
        {
            var path = Path.Combine(Bin, name);
            File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }
}
