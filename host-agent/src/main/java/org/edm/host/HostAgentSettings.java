package org.edm.host;

import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;

/**
 * What a host agent needs besides its port: identity, protocol settings, emulated rate and timeouts.
 *
 * @param nodeId           this host's node id.
 * @param framing          the fabric's framing (wire-7 or wire-8; the same everywhere on the fabric).
 * @param order            the host's transmit order.
 * @param lineRateGbps     the emulated PHY rate of its port.
 * @param timeoutMicros    a request with no completion after this long ends with TIMEOUT.
 * @param maxOutstanding   requests the host may have outstanding at once (a power of two).
 * @param maxSlotsPerCycle most slots one duty cycle advances (bounds a burst after the thread was descheduled).
 * @param maxRequestBytes  the longest request a session may submit; longer than one message (65,535 bytes in the
 *                         wire framing) it travels as several messages; beyond this it ends with BAD_LENGTH.
 */
public record HostAgentSettings(
    int nodeId,
    Framing framing,
    HostOrder order,
    double lineRateGbps,
    long timeoutMicros,
    int maxOutstanding,
    int maxSlotsPerCycle,
    int maxRequestBytes)
{
    public HostAgentSettings
    {
        if (framing == null || order == null)
        {
            throw new IllegalArgumentException("framing and order must be set");
        }
        if (!framing.carriesData())
        {
            throw new IllegalArgumentException("framing=" + framing.name() + " carries no data; agents need wire-7 or wire-8");
        }
        if (!(lineRateGbps > 0 && lineRateGbps <= 400))
        {
            throw new IllegalArgumentException("line rate=" + lineRateGbps + " Gb/s outside (0, 400]");
        }
        if (timeoutMicros < 1)
        {
            throw new IllegalArgumentException("timeout=" + timeoutMicros + " us must be >= 1");
        }
        if (maxRequestBytes < 1)
        {
            throw new IllegalArgumentException("maxRequestBytes=" + maxRequestBytes + " must be >= 1");
        }
        if (maxSlotsPerCycle < 1)
        {
            throw new IllegalArgumentException("maxSlotsPerCycle=" + maxSlotsPerCycle + " must be >= 1");
        }
    }

    /** The longest request by default: 1 MiB (16 messages of the wire framing). */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

    /** Defaults: wire-7, the reference order, 10 Gb/s, 10 ms timeout, 4096 outstanding, 4096 slots per cycle. */
    public static HostAgentSettings defaults(final int nodeId)
    {
        return new HostAgentSettings(nodeId, Framing.wire(7), HostOrder.NETSIM, 10, 10_000, 4096, 4096,
            DEFAULT_MAX_REQUEST_BYTES);
    }
}
