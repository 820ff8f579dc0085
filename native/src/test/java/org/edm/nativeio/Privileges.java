package org.edm.nativeio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edm.nativeio.rack.IpCommand;
import org.junit.jupiter.api.Assumptions;

/** Test support: skips a test, saying why, when it needs privileges this process does not have. */
public final class Privileges
{
    private Privileges()
    {
    }

    /** True when running as uid 0. */
    public static boolean isRoot()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith("Uid:"))
                {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        }
        catch (final IOException e)
        {
            return false;
        }
        return false;
    }

    private static final String NOT_PRIVILEGED = "skipped: needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN to create " +
        "network namespaces and veth pairs, CAP_NET_RAW for AF_PACKET sockets), which this process does not have; " +
        "run the build as root, as .ci/run does";
    private static boolean told;

    /** Skips unless root with iproute2: namespace, veth and AF_PACKET tests; says why once on stderr too. */
    public static synchronized void assumeNamespaceCapable()
    {
        final boolean capable = Capabilities.has(Capabilities.CAP_NET_ADMIN) &&
            Capabilities.has(Capabilities.CAP_SYS_ADMIN) && Capabilities.has(Capabilities.CAP_NET_RAW);
        if (!capable && !told)
        {
            told = true;
            System.err.println("[edm native tests] namespace, veth, AF_PACKET and TAP tests " + NOT_PRIVILEGED);
        }
        Assumptions.assumeTrue(capable, NOT_PRIVILEGED);
        Assumptions.assumeTrue(IpCommand.isAvailable(), "skipped: iproute2's 'ip' is not installed");
    }
}
