package org.edm.switchagent;

import org.edm.agent.config.ConfigKey;
import org.edm.phy.sw.L2Config;

import java.util.List;

/** Keys of the switch agent role: its thread in DEDICATED mode, its catch-up bound and its L2 egress queues. */
public final class SwitchConfiguration
{
    public static final ConfigKey<String> IDLE = ConfigKey.idle("edm.switch.idle", "backoff",
        "idle strategy of the switch agent's thread in DEDICATED mode");

    public static final ConfigKey<Integer> CPU = ConfigKey.cpu("edm.switch.cpu",
        "CPU of the switch agent's thread in DEDICATED mode");

    /** 4096 slots is 26 us at 10 Gb/s: the burst a descheduled thread may catch up with. */
    public static final ConfigKey<Integer> MAX_SLOTS_PER_CYCLE = ConfigKey.integer("edm.switch.max.slots.per.cycle",
        4096, 1, 1 << 20, "most block slots one duty cycle catches up");

    /**
     * 64 full-size frames (about 98 KB) per port, like a shallow-buffered ToR's share of its buffer per port. The queue
     * preallocates a full-size frame per entry and rounds the count up to a power of two; 4096 (about 6 MB per port)
     * is the most allowed.
     */
    public static final ConfigKey<Integer> L2_QUEUE_FRAMES = ConfigKey.integer("edm.switch.l2.queue.frames",
        L2Config.DEFAULT_QUEUE_FRAMES, 1, 4096,
        "ordinary frames (L2 path, RoCE baseline) one egress port queues before it drops; rounded up to a power of " +
        "two, about 1.5 KB of memory each");

    /** The keys of this class. */
    public static final List<ConfigKey<?>> KEYS = List.of(IDLE, CPU, MAX_SLOTS_PER_CYCLE, L2_QUEUE_FRAMES);

    private SwitchConfiguration()
    {
    }
}
