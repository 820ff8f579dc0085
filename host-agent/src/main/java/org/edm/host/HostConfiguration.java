package org.edm.host;

import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;

import java.util.List;

/**
 * Keys of the host agent role: which rack host a process runs, its thread in DEDICATED mode, and its request limits.
 * The protocol settings it shares with the rest of the fabric (framing, line rate, timeout) are the
 * {@code edm.fabric.*} keys.
 */
public final class HostConfiguration
{
    /** Empty by default: {@code edm host} and {@code edm verify --host} take it from {@code --name}/{@code --host}. */
    public static final ConfigKey<String> NAME = ConfigKey.text("edm.host.name", "",
        "the rack host this process runs (a name from the rack file)");

    public static final ConfigKey<String> IDLE = ConfigKey.idle("edm.host.idle", "backoff",
        "idle strategy of a host agent's thread in DEDICATED mode");

    public static final ConfigKey<Integer> CPU = ConfigKey.cpu("edm.host.cpu",
        "CPU of a host agent's thread in DEDICATED mode");

    /** Enough for a deep queue of small requests; each slot costs a few dozen bytes. */
    public static final ConfigKey<Integer> MAX_OUTSTANDING = ConfigKey.of("edm.host.max.outstanding", "4096",
        "message slots a host may have in flight (a power of two in [1, 65536]: the tag space)", text ->
        {
            final int value = ConfigKey.integer("edm.host.max.outstanding", 4096, 1, 65536, "").parse(text);
            if (Integer.bitCount(value) != 1)
            {
                throw new IllegalArgumentException("is not a power of two in [1, 65536]");
            }
            return value;
        });

    public static final ConfigKey<Long> MAX_REQUEST_BYTES = ConfigKey.size("edm.host.max.request.bytes", "1m", 1,
        Integer.MAX_VALUE, "longest request; longer ones end with BAD_LENGTH");

    /** 4096 slots is 26 us at 10 Gb/s: the burst a descheduled thread may catch up with. */
    public static final ConfigKey<Integer> MAX_SLOTS_PER_CYCLE = ConfigKey.integer("edm.host.max.slots.per.cycle",
        4096, 1, 1 << 20, "most block slots one duty cycle catches up");

    /** Empty: no TAP, the host carries memory traffic only. */
    public static final ConfigKey<String> TAP = ConfigKey.of("edm.host.tap", "",
        "TAP interface a host agent creates so that its kernel's traffic (ping, UDP, TCP) crosses the fabric " +
        "below memory traffic; empty for none", text ->
        {
            if (!text.isEmpty() && !text.matches("[A-Za-z0-9_.-]{1,15}"))
            {
                throw new IllegalArgumentException("is not an interface name (1-15 of A-Z a-z 0-9 _ . -)");
            }
            return text;
        });

    public static final ConfigKey<String> TAP_SUBNET = ConfigKey.of("edm.host.tap.subnet", "10.77.0.0/24",
        "IPv4 subnet of the TAP interfaces: node n gets the subnet's address n+1; 'none' assigns no address",
        text ->
        {
            if (!text.equals("none"))
            {
                TapSubnet.parse(text);
            }
            return text;
        });

    /** The keys of this class. */
    public static final List<ConfigKey<?>> KEYS = List.of(NAME, IDLE, CPU, MAX_OUTSTANDING, MAX_REQUEST_BYTES,
        MAX_SLOTS_PER_CYCLE, TAP, TAP_SUBNET);

    private HostConfiguration()
    {
    }

    /**
     * The host-side limits of the configuration.
     *
     * @param maxOutstanding   message slots in flight.
     * @param maxRequestBytes  longest request.
     * @param maxSlotsPerCycle most slots one duty cycle catches up.
     */
    public record Limits(int maxOutstanding, int maxRequestBytes, int maxSlotsPerCycle)
    {
        /** The defaults of the keys. */
        public static Limits defaults()
        {
            return new Limits(4096, HostAgentSettings.DEFAULT_MAX_REQUEST_BYTES, 4096);
        }
    }

    /** The limits the configuration describes. */
    public static Limits limits(final Configuration config)
    {
        return new Limits(config.get(MAX_OUTSTANDING), (int)(long)config.get(MAX_REQUEST_BYTES),
            config.get(MAX_SLOTS_PER_CYCLE));
    }
}
