package org.edm.bench.run;

/**
 * What a baseline's {@link Baseline#open} is given once the fabric runs.
 *
 * @param fabric       the fabric (host agents, regions).
 * @param setup        the setup the baseline was told before.
 * @param duty         what a transport's {@code poll} runs first: the agents' duty cycles when the transport is driven
 *                     alone, nothing when the bench's runner runs them itself (it does, once per loop pass).
 * @param timeoutNanos an operation without completion after this long ends with an error status.
 */
public record BaselineContext(BenchFabric fabric, BaselineSetup setup, Runnable duty, long timeoutNanos)
{
    /** Runs nothing: the runner drives the agents. */
    public static final Runnable RUNNER_DRIVES = () ->
    {
    };

    /** The memory node's id. */
    public int memoryNodeId()
    {
        return setup.nodeId(setup.roles().memory());
    }

    /** The key of the region the memory node serves. */
    public int regionKey()
    {
        return setup.settings().regionKey();
    }
}
