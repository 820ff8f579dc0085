package org.edm.agent;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.edm.nativeio.Affinity;
import org.edm.nativeio.AffinityThreadFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the agents of one process in a {@link ThreadingMode}. This is the only place the modes differ (Aeron's
 * {@code MediaDriver} constructor is the model):
 * <ul>
 *     <li>{@link ThreadingMode#DEDICATED}: one {@link AgentRunner} per agent, each on an {@link AffinityThreadFactory}
 *     thread pinned to its role's CPU (pinning happens inside the new thread), with its role's idle strategy;</li>
 *     <li>{@link ThreadingMode#SHARED}: one runner over a composite of every agent, on the shared CPU with the shared
 *     idle strategy;</li>
 *     <li>{@link ThreadingMode#INVOKER}: an {@link AgentInvoker} over the same composite, driven by the caller through
 *     {@link #invoke()} or {@link #waitOnce()} (the latter is what a client session's blocking calls use);</li>
 *     <li>{@link ThreadingMode#SPLIT}: the first agent on a runner of its own (its role's idle strategy and CPU), the
 *     others in an {@link AgentInvoker} driven by the caller, as in INVOKER mode.</li>
 * </ul>
 * Every mode routes duty-cycle exceptions to one {@link AgentErrors} handler and an error counter. Starting more
 * busy-polling threads than the process may use CPUs is allowed but warned about: the threads then take turns and
 * latency collapses from microseconds to scheduler ticks.
 */
public final class AgentRuntime implements AutoCloseable
{
    /** The thread name of SHARED mode. */
    public static final String SHARED_ROLE_NAME = "edm-shared";

    /**
     * One agent with the thread settings of its role (used in DEDICATED mode).
     *
     * @param agent the agent.
     * @param idle  its idle strategy alias ({@link IdleStrategies}).
     * @param cpu   the CPU to pin its thread to, or -1.
     */
    public record Role(Agent agent, String idle, int cpu)
    {
    }

    /**
     * How to run the agents.
     *
     * @param mode       the threading mode.
     * @param sharedIdle the idle strategy of SHARED mode's thread and of INVOKER mode's {@link #waitOnce()}.
     * @param sharedCpu  the CPU of SHARED mode's thread, or -1.
     */
    public record Threading(ThreadingMode mode, String sharedIdle, int sharedCpu)
    {
    }

    private final ThreadingMode mode;
    private final List<AgentRunner> runners = new ArrayList<>();
    private final AgentInvoker invoker;
    private final IdleStrategy invokerIdle;
    private final AgentErrors errors;
    private final String description;

    private AgentRuntime(
        final ThreadingMode mode, final AgentInvoker invoker, final IdleStrategy invokerIdle, final AgentErrors errors,
        final List<AgentRunner> runners, final String description)
    {
        this.mode = mode;
        this.invoker = invoker;
        this.invokerIdle = invokerIdle;
        this.errors = errors;
        this.runners.addAll(runners);
        this.description = description;
    }

    /**
     * Starts the agents (in INVOKER mode: calls their {@code onStart}, and the caller runs them from then on).
     *
     * @param report receives pinning reports, warnings and the first occurrence of each distinct agent error.
     */
    public static AgentRuntime start(final Threading threading, final List<Role> roles, final Consumer<String> report)
    {
        if (roles.isEmpty())
        {
            throw new IllegalArgumentException("no agents to run");
        }
        final AgentErrors errors = new AgentErrors(report, newErrorCounter(), System.getenv("EDM_DEBUG") != null);
        final AtomicCounter runnerErrors = newErrorCounter();
        final List<AgentRunner> runners = new ArrayList<>();
        final StringBuilder description = new StringBuilder(threading.mode().name());
        switch (threading.mode())
        {
            case DEDICATED ->
            {
                warnIfOversubscribed(roles.stream().filter(role -> IdleStrategies.isBusy(role.idle())).count(),
                    report);
                description.append(": one thread per agent");
                for (final Role role : roles)
                {
                    final AgentRunner runner = new AgentRunner(IdleStrategies.parse(role.idle()), errors,
                        runnerErrors, role.agent());
                    runners.add(runner);
                    description.append("; ").append(role.agent().roleName()).append(" (idle ").append(role.idle())
                        .append(", cpu ").append(cpu(role.cpu())).append(')');
                }
                for (int i = 0; i < roles.size(); i++)
                {
                    final Role role = roles.get(i);
                    AgentRunner.startOnThread(runners.get(i), new AffinityThreadFactory(role.agent().roleName(),
                        role.cpu(), IdleStrategies.isBusy(role.idle()), report));
                }
                return new AgentRuntime(ThreadingMode.DEDICATED, null, null, errors, runners, description.toString());
            }
            case SHARED ->
            {
                warnIfOversubscribed(IdleStrategies.isBusy(threading.sharedIdle()) ? 1 : 0, report);
                final AgentRunner runner = new AgentRunner(IdleStrategies.parse(threading.sharedIdle()), errors,
                    runnerErrors, composite(roles));
                runners.add(runner);
                description.append(": one thread '").append(SHARED_ROLE_NAME).append("' (idle ")
                    .append(threading.sharedIdle()).append(", cpu ").append(cpu(threading.sharedCpu()))
                    .append(") runs ").append(names(roles));
                AgentRunner.startOnThread(runner, new AffinityThreadFactory(SHARED_ROLE_NAME, threading.sharedCpu(),
                    IdleStrategies.isBusy(threading.sharedIdle()), report));
                return new AgentRuntime(ThreadingMode.SHARED, null, null, errors, runners, description.toString());
            }
            case SPLIT ->
            {
                final Role first = roles.get(0);
                final List<Role> rest = roles.subList(1, roles.size());
                warnIfOversubscribed(IdleStrategies.isBusy(first.idle()) ? 1 : 0, report);
                final AgentRunner alone = new AgentRunner(IdleStrategies.parse(first.idle()), errors, runnerErrors,
                    first.agent());
                runners.add(alone);
                description.append(": ").append(first.agent().roleName()).append(" on its own thread (idle ")
                    .append(first.idle()).append(", cpu ").append(cpu(first.cpu())).append(')');
                AgentRunner.startOnThread(alone, new AffinityThreadFactory(first.agent().roleName(), first.cpu(),
                    IdleStrategies.isBusy(first.idle()), report));
                AgentInvoker invoker = null;
                if (!rest.isEmpty())
                {
                    invoker = new AgentInvoker(errors, runnerErrors, composite(rest));
                    invoker.start();
                    description.append("; the caller's thread runs ").append(names(rest)).append(" (idle ")
                        .append(threading.sharedIdle()).append(" between empty cycles)");
                }
                return new AgentRuntime(ThreadingMode.SPLIT, invoker, IdleStrategies.parse(threading.sharedIdle()),
                    errors, runners, description.toString());
            }
            case INVOKER ->
            {
                final AgentInvoker invoker = new AgentInvoker(errors, runnerErrors, composite(roles));
                invoker.start();
                description.append(": the caller's thread runs ").append(names(roles)).append(" (idle ")
                    .append(threading.sharedIdle()).append(" between empty cycles)");
                return new AgentRuntime(ThreadingMode.INVOKER, invoker, IdleStrategies.parse(threading.sharedIdle()),
                    errors, runners, description.toString());
            }
            default -> throw new IllegalStateException("unknown threading mode " + threading.mode());
        }
    }

    public ThreadingMode mode()
    {
        return mode;
    }

    /**
     * INVOKER mode: runs one duty cycle of every agent; SPLIT mode: of every agent but the first. Returns the work count.
     *
     * @throws IllegalStateException in the other modes, where threads run the agents.
     */
    public int invoke()
    {
        if (invoker == null)
        {
            if (mode == ThreadingMode.SPLIT)
            {
                return 0;
            }
            throw new IllegalStateException("invoke() is for INVOKER mode; in " + mode + " mode threads run the agents");
        }
        return invoker.invoke();
    }

    /**
     * Whether the caller must run agents' duty cycles ({@link #invoke()} or {@link #waitOnce()}): INVOKER mode, and
     * SPLIT mode with more than one agent (with a single agent, SPLIT runs it on its own thread and leaves the caller
     * nothing to run, so a daemon's main thread waits instead of spinning).
     */
    public boolean callerRuns()
    {
        return invoker != null;
    }

    /**
     * What a thread does while it waits for the agents (a client session's blocking calls): in INVOKER and SPLIT mode,
     * run one duty cycle of the agents the caller runs and idle if it found no work; otherwise yield the CPU to the
     * agent threads.
     */
    public void waitOnce()
    {
        if (invoker != null)
        {
            invokerIdle.idle(invoker.invoke());
        }
        else
        {
            Thread.yield();
        }
    }

    /** Errors the agents threw so far. */
    public long errors()
    {
        return errors.count();
    }

    /** One line per distinct agent error with its count. */
    public List<String> errorSummary()
    {
        return errors.summary();
    }

    /** A one-line description of the threads, their idle strategies and CPUs, for start-up reports. */
    public String describe()
    {
        return description;
    }

    /** Stops the threads (joining them; each agent's {@code onClose} runs on its own thread) or closes the invoker. */
    public void close()
    {
        for (final AgentRunner runner : runners)
        {
            runner.close();
        }
        if (invoker != null)
        {
            invoker.close();
        }
    }

    private static Agent composite(final List<Role> roles)
    {
        final Agent[] agents = new Agent[roles.size()];
        for (int i = 0; i < agents.length; i++)
        {
            agents[i] = roles.get(i).agent();
        }
        return new CompositeAgent(agents)
        {
            public String roleName()
            {
                return SHARED_ROLE_NAME;
            }
        };
    }

    private static String names(final List<Role> roles)
    {
        final StringBuilder text = new StringBuilder();
        for (final Role role : roles)
        {
            text.append(text.isEmpty() ? "" : ", ").append(role.agent().roleName());
        }
        return text.toString();
    }

    private static String cpu(final int cpu)
    {
        return cpu < 0 ? "any" : Integer.toString(cpu);
    }

    private static void warnIfOversubscribed(final long busyThreads, final Consumer<String> report)
    {
        final int cpus = Affinity.allowedCpus().size();
        if (busyThreads > 0 && busyThreads >= cpus)
        {
            report.accept("WARNING: " + busyThreads + " busy-polling agent thread(s) (idle spin, noop or yield) on " +
                cpus + " CPU(s) available to this process: they and everything else will take turns, and latency " +
                "will be scheduler ticks instead of microseconds; use SHARED mode or the backoff idle strategy");
        }
    }

    private static AtomicCounter newErrorCounter()
    {
        final CountersManager counters = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.COUNTER_LENGTH)));
        return counters.newCounter("agent errors");
    }
}
