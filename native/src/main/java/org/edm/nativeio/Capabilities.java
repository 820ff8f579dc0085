package org.edm.nativeio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Linux capabilities this process holds (its effective set, from {@code /proc/self/status}), so that set-up code
 * can say up front which privilege is missing instead of failing half way.
 */
public final class Capabilities
{
    /** Bind to privileged ports, configure interfaces, create veth pairs. */
    public static final int CAP_NET_ADMIN = 12;
    /** Open raw and packet sockets. */
    public static final int CAP_NET_RAW = 13;
    /** Lock memory beyond RLIMIT_MEMLOCK. */
    public static final int CAP_IPC_LOCK = 14;
    /** setns(2), mounting the namespace files. */
    public static final int CAP_SYS_ADMIN = 21;
    /** Real-time scheduling, affinity of other processes. */
    public static final int CAP_SYS_NICE = 23;

    private Capabilities()
    {
    }

    /** True when the effective set holds {@code capability} (false when it cannot be read). */
    public static boolean has(final int capability)
    {
        return (effective() & (1L << capability)) != 0;
    }

    /** Throws, naming the capability, what needs it and the alternatives, unless the process holds it. */
    public static void require(final int capability, final String forWhat, final String alternatives)
    {
        if (!has(capability))
        {
            throw new PortSetupException(forWhat + " needs root or " + name(capability) + ", which this process " +
                "does not have" + (alternatives == null ? "" : "; " + alternatives));
        }
    }

    /** {@code "CAP_NET_RAW"} for 13, and so on. */
    public static String name(final int capability)
    {
        return switch (capability)
        {
            case CAP_NET_ADMIN -> "CAP_NET_ADMIN";
            case CAP_NET_RAW -> "CAP_NET_RAW";
            case CAP_IPC_LOCK -> "CAP_IPC_LOCK";
            case CAP_SYS_ADMIN -> "CAP_SYS_ADMIN";
            case CAP_SYS_NICE -> "CAP_SYS_NICE";
            default -> "capability " + capability;
        };
    }

    private static long effective()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith("CapEff:"))
                {
                    return Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                }
            }
        }
        catch (final IOException | NumberFormatException e)
        {
            return 0;
        }
        return 0;
    }
}
