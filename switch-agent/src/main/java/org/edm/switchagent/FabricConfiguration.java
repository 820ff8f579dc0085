package org.edm.switchagent;

import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;
import org.edm.agent.config.ConfigurationException;
import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.MatcherKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys every agent of one fabric must agree on ({@code edm.fabric.*}: framing, emulated line rate, scheduler
 * settings, timeout) and the memory a memory node serves ({@code edm.memory.*}). They become a {@link FabricSettings}.
 * Give every process of a fabric the same values (one shared file is the simplest way).
 */
public final class FabricConfiguration
{
    /**
     * 10 Gb/s by default: a rate the software sustains on a small machine, so that queues form where the protocol
     * puts them and not in the software. Every port's TX side emits at most one block per slot of this rate.
     */
    public static final ConfigKey<Double> LINE_RATE_GBPS = ConfigKey.decimal("edm.fabric.line.rate.gbps", "10", 0,
        400, "emulated PHY line rate of every port, in Gb/s");

    public static final ConfigKey<Framing> FRAMING = ConfigKey.choice("edm.fabric.framing", "wire-7", framings(),
        "data bytes per block on the wire");

    public static final ConfigKey<Integer> CHUNK_BYTES = ConfigKey.integer("edm.fabric.chunk.bytes", 256, 14, 65535,
        "bytes one GRANT allows (at least two blocks of the framing)");

    /** "auto": one bandwidth-delay product of a 10 us software round trip at the line rate (FabricSettings). */
    public static final ConfigKey<Integer> RELEASE_BYTES = ConfigKey.of("edm.fabric.release.bytes", "auto",
        "a receiver is released at or below this many granted bytes in flight; auto = one bandwidth-delay product " +
            "of a 10 us round trip at the line rate [0, 1048576]",
        text -> "auto".equalsIgnoreCase(text) ? -1 :
            ConfigKey.integer("edm.fabric.release.bytes", 0, 0, 1 << 20, "").parse(text));

    public static final ConfigKey<Integer> MAX_CHUNKS_PER_MESSAGE = ConfigKey.integer(
        "edm.fabric.max.chunks.per.message", 64, 1, 64, "chunks one message may have in flight");

    public static final ConfigKey<MatcherKind> MATCHER = ConfigKey.choice("edm.fabric.matcher", "greedy", matchers(),
        "the scheduler's matching algorithm");

    public static final ConfigKey<HostOrder> HOST_ORDER = ConfigKey.choice("edm.fabric.host.order", "netsim",
        hostOrders(), "the hosts' transmit order");

    /** 500 ms: a cold JVM's first duty cycles take tens of milliseconds. */
    public static final ConfigKey<Long> TIMEOUT_US = ConfigKey.size("edm.fabric.timeout.us", "500000", 1,
        60_000_000, "a request without completion after this many microseconds ends with TIMEOUT");

    /** Only the switch holds (FabricNodes: a held host uplink would idle the circuits its grants opened). */
    public static final ConfigKey<Integer> CARRIER_HOLD_US = ConfigKey.integer("edm.fabric.carrier.hold.us",
        FabricSettings.DEFAULT_CARRIER_HOLD_MICROS, 0, FabricSettings.MAX_CARRIER_HOLD_MICROS,
        "how long the switch keeps a carrier frame open while it holds only blocks of writes before their last, in " +
            "microseconds (fewer frames under load; 0: a frame every duty cycle)");

    public static final ConfigKey<Long> REGION_BYTES = ConfigKey.size("edm.memory.region.bytes", "64m", 0,
        Integer.MAX_VALUE, "size of the region a memory node serves (0: none)");

    public static final ConfigKey<Integer> REGION_KEY = ConfigKey.integer("edm.memory.region.key", 1, 0,
        Integer.MAX_VALUE, "key of that region");

    public static final ConfigKey<Boolean> HUGE_PAGES = ConfigKey.bool("edm.memory.huge.pages", true,
        "back regions with 2 MiB huge pages when some are reserved");

    /** The keys of this class. */
    public static final List<ConfigKey<?>> KEYS = List.of(LINE_RATE_GBPS, FRAMING, CHUNK_BYTES, RELEASE_BYTES,
        MAX_CHUNKS_PER_MESSAGE, MATCHER, HOST_ORDER, TIMEOUT_US, CARRIER_HOLD_US, REGION_BYTES, REGION_KEY, HUGE_PAGES);

    private FabricConfiguration()
    {
    }

    /** The fabric settings the configuration describes; throws naming the key of any value that is not allowed. */
    public static FabricSettings settings(final Configuration config)
    {
        config.check(KEYS);
        final Framing framing = config.get(FRAMING);
        final double gbps = config.get(LINE_RATE_GBPS);
        final int chunk = config.get(CHUNK_BYTES);
        final int minChunk = 2 * framing.dataBytesPerBlock();
        if (chunk < minChunk)
        {
            throw new ConfigurationException(CHUNK_BYTES.name() + "=" + chunk + " outside [" + minChunk + ", 65535] " +
                "(two blocks of framing " + framing.name() + ")");
        }
        final int release = config.get(RELEASE_BYTES);
        return new FabricSettings(framing, gbps, chunk, release < 0 ? FabricSettings.bandwidthDelayBytes(gbps) : release,
            config.get(MAX_CHUNKS_PER_MESSAGE), config.get(MATCHER), config.get(HOST_ORDER), config.get(TIMEOUT_US),
            config.get(REGION_KEY), config.get(REGION_BYTES), config.get(HUGE_PAGES), config.get(CARRIER_HOLD_US));
    }

    /** One line for tool reports: rate, framing and the scheduler's settings. */
    public static String describe(final FabricSettings settings)
    {
        return "line rate " + rate(settings.lineRateGbps()) + " Gb/s per port, framing " + settings.framing().name() +
            ", chunk " + settings.chunkBytes() + " B, release " + settings.releaseBytes() + " B, matcher " +
            settings.matcher().label() + ", timeout " + settings.timeoutMicros() + " us, carrier hold " +
            settings.carrierHoldMicros() + " us";
    }

    /** A rate without needless decimals: 10, 2.5. */
    public static String rate(final double gbps)
    {
        return gbps == Math.rint(gbps) ? Long.toString((long)gbps) : Double.toString(gbps);
    }

    private static Map<String, Framing> framings()
    {
        final Map<String, Framing> framings = new LinkedHashMap<>();
        framings.put("wire-7", Framing.wire(7));
        framings.put("wire-8", Framing.wire(8));
        return framings;
    }

    private static Map<String, MatcherKind> matchers()
    {
        final Map<String, MatcherKind> matchers = new LinkedHashMap<>();
        for (final MatcherKind kind : MatcherKind.values())
        {
            matchers.put(kind.label(), kind);
        }
        return matchers;
    }

    private static Map<String, HostOrder> hostOrders()
    {
        final Map<String, HostOrder> orders = new LinkedHashMap<>();
        for (final HostOrder order : HostOrder.values())
        {
            orders.put(order.label(), order);
        }
        return orders;
    }
}
