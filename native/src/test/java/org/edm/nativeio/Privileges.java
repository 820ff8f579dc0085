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

    /** Skips unless root with iproute2: namespace, veth and AF_PACKET tests. */
    public static void assumeNamespaceCapable()
    {
        Assumptions.assumeTrue(isRoot(), "skipped: needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN to create network " +
            "namespaces and veth pairs, CAP_NET_RAW for AF_PACKET sockets); run the build as root, as .ci/run does");
        Assumptions.assumeTrue(IpCommand.isAvailable(), "skipped: iproute2's 'ip' is not installed");
    }
}
