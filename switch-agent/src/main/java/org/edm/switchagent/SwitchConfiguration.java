package org.edm.switchagent;

import org.edm.agent.config.ConfigKey;

import java.util.List;

/** Keys of the switch agent role: its thread in DEDICATED mode and its catch-up bound. */
public final class SwitchConfiguration
{
    public static final ConfigKey<String> IDLE = ConfigKey.idle("edm.switch.idle", "backoff",
        "idle strategy of the switch agent's thread in DEDICATED mode");

    public static final ConfigKey<Integer> CPU = ConfigKey.cpu("edm.switch.cpu",
        "CPU of the switch agent's thread in DEDICATED mode");

    /** 4096 slots is 26 us at 10 Gb/s: the burst a descheduled thread may catch up with. */
    public static final ConfigKey<Integer> MAX_SLOTS_PER_CYCLE = ConfigKey.integer("edm.switch.max.slots.per.cycle",
        4096, 1, 1 << 20, "most block slots one duty cycle catches up");

    /** The keys of this class. */
    public static final List<ConfigKey<?>> KEYS = List.of(IDLE, CPU, MAX_SLOTS_PER_CYCLE);

    private SwitchConfiguration()
    {
    }
}
