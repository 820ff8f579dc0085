package org.edm.host;

import org.edm.nativeio.PortOptions;
import org.edm.nativeio.PortSetupException;
import org.edm.nativeio.rack.IpCommand;
import org.edm.nativeio.tap.TapPort;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Control plane: creates a host's TAP interface, in the host's namespace on a local rack, gives it the host's address
 * in the TAP subnet and brings it up, so that the host kernel's traffic to other hosts' TAP addresses crosses the
 * fabric. The interface lives as long as the returned endpoint (closing it removes the interface).
 */
public final class KernelTap
{
    private KernelTap()
    {
    }

    /**
     * @param namespace the host's network namespace, or null for this process's own.
     * @param subnet    the TAP subnet, or null to assign no address (the user configures the interface).
     * @param mtu       longest frame without FCS (1514 for the usual 1500-byte IP MTU).
     */
    public static TapEndpoint open(
        final String namespace,
        final String interfaceName,
        final TapSubnet subnet,
        final int nodeId,
        final int mtu,
        final Consumer<String> report)
    {
        final TapPort tap = TapPort.open(namespace, interfaceName,
            new PortOptions().etherType(PortOptions.ANY_ETHER_TYPE).mtu(mtu));
        try
        {
            final String address = subnet == null ? null : subnet.hostAddress(nodeId);
            if (address != null)
            {
                ip(namespace, "addr", "add", address, "dev", interfaceName);
            }
            ip(namespace, "link", "set", interfaceName, "mtu", Integer.toString(mtu - 14), "up");
            report.accept("TAP " + interfaceName + (namespace == null ? "" : "@" + namespace) +
                (address == null ? " (no address assigned)" : " " + address) + " carries the kernel's frames");
            return new TapEndpoint(tap);
        }
        catch (final RuntimeException e)
        {
            tap.close();
            throw new PortSetupException("could not configure TAP " + interfaceName +
                (namespace == null ? "" : " in namespace " + namespace) + ": " + e.getMessage(), e);
        }
    }

    private static void ip(final String namespace, final String... args)
    {
        final List<String> command = new ArrayList<>();
        if (namespace != null)
        {
            command.add("-n");
            command.add(namespace);
        }
        command.addAll(List.of(args));
        IpCommand.run(command.toArray(String[]::new));
    }
}
