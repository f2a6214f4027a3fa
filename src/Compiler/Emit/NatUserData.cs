namespace Trilho.Compiler.Emit;

/// <summary>
/// The NAT instance's boot script: CDK 2.160's <c>NatInstanceProviderV2.DEFAULT_USER_DATA_COMMANDS</c> (iptables-services,
/// IPv4 forwarding, MASQUERADE out of the default interface, an empty FORWARD chain, rules saved), except that the
/// package install is retried until it succeeds. dnf can fail at boot on Amazon Linux 2023 (aws/aws-cdk#36717); CDK's
/// script then carries on without iptables, no MASQUERADE rule exists and CloudFormation still reports success.
/// </summary>
public static class NatUserData
{
    /// <summary>
    /// Runs as root through cloud-init, whose output reaches the serial console (EC2 get-console-output) and
    /// /var/log/cloud-init-output.log. <c>ip route</c> replaces CDK's <c>route</c>: iproute is always in the image,
    /// net-tools not necessarily.
    /// </summary>
    public const string Script = """
        #!/bin/bash
        set -uo pipefail
        log() { echo "trilho-nat: $*"; }

        # Retry with backoff (5 s doubling, at most 60 s) until the package is installed: forwarding without the
        # MASQUERADE rule would silently drop every private subnet's outbound traffic.
        attempt=1
        delay=5
        until dnf install -y iptables-services; do
          log "installing iptables-services failed (attempt $attempt), retrying in ${delay}s"
          sleep "$delay"
          attempt=$((attempt + 1))
          delay=$((delay * 2 > 60 ? 60 : delay * 2))
        done
        log "iptables-services installed (attempt $attempt)"

        set -e
        systemctl enable iptables
        systemctl start iptables
        echo "net.ipv4.ip_forward=1" > /etc/sysctl.d/custom-ip-forwarding.conf
        sysctl -p /etc/sysctl.d/custom-ip-forwarding.conf
        interface=$(ip -4 route show default | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }')
        if [ -z "$interface" ]; then
          log "no default route, cannot masquerade"
          exit 1
        fi
        iptables -t nat -A POSTROUTING -o "$interface" -j MASQUERADE
        iptables -F FORWARD
        service iptables save
        log "forwarding and masquerading out of $interface"
        """;
}
