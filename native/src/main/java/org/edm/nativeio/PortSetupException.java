package org.edm.nativeio;

/**
 * A port, namespace, pinning or memory set-up failed. The message says what is wrong (naming the interface,
 * namespace, capability or limit) and what to do about it; it is meant to be shown to the user as is.
 */
public class PortSetupException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public PortSetupException(final String message)
    {
        super(message);
    }

    public PortSetupException(final String message, final Throwable cause)
    {
        super(message, cause);
    }

    /** The advice appended to every "raw sockets need privileges" message. */
    public static String rawSocketAdvice()
    {
        return "AF_PACKET ports need root or the CAP_NET_RAW capability (for example " +
            "'setcap cap_net_raw,cap_net_admin+ep' on the java binary, or AmbientCapabilities=CAP_NET_RAW " +
            "CAP_NET_ADMIN in a systemd unit); without it, use UDP ports (no privileges, cross L3) or in-memory " +
            "ports (one process)";
    }
}
