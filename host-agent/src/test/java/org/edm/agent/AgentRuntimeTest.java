package org.edm.agent;

import org.agrona.concurrent.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The threading modes run the same agents; errors are reported once and counted. No test spins: backoff/yield only. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AgentRuntimeTest
{
    private final List<String> reports = new CopyOnWriteArrayList<>();

    /** Counts its duty cycles and the thread it ran on; throws on every cycle when asked to. */
    private static final class CountingAgent implements Agent
    {
        final String name;
        final boolean failing;
        final AtomicInteger cycles = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        volatile String thread;

        CountingAgent(final String name, final boolean failing)
        {
            this.name = name;
            this.failing = failing;
        }

        public void onStart()
        {
            started.incrementAndGet();
        }

        public int doWork()
        {
            thread = Thread.currentThread().getName();
            cycles.incrementAndGet();
            if (failing)
            {
                throw new IllegalStateException("broken agent");
            }
            return 0;
        }

        public void onClose()
        {
            closed.incrementAndGet();
        }

        public String roleName()
        {
            return name;
        }
    }

    @Test
    void shouldRunEveryAgentOnTheCallersThreadInInvokerMode()
    {
        final CountingAgent a = new CountingAgent("a", false);
        final CountingAgent b = new CountingAgent("b", false);
        try (AgentRuntime runtime = AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.INVOKER, "noop", -1),
            List.of(role(a), role(b)), reports::add))
        {
            assertThat(a.started.get()).isEqualTo(1);
            for (int i = 0; i < 10; i++)
            {
                runtime.invoke();
            }
            runtime.waitOnce();
            assertThat(a.cycles.get()).isEqualTo(11);
            assertThat(b.cycles.get()).isEqualTo(11);
            assertThat(a.thread).isEqualTo(Thread.currentThread().getName());
            assertThat(runtime.describe()).contains("INVOKER").contains("a, b");
        }
        assertThat(a.closed.get()).isEqualTo(1);
    }

    @Test
    void shouldRunEveryAgentOnOneNamedThreadInSharedMode() throws InterruptedException
    {
        final CountingAgent a = new CountingAgent("a", false);
        final CountingAgent b = new CountingAgent("b", false);
        try (AgentRuntime runtime = AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.SHARED, "backoff", -1),
            List.of(role(a), role(b)), reports::add))
        {
            awaitCycles(a, b);
            assertThat(a.thread).isEqualTo(AgentRuntime.SHARED_ROLE_NAME).isEqualTo(b.thread);
            assertThatThrownBy(runtime::invoke).hasMessageContaining("INVOKER");
        }
        assertThat(a.closed.get()).isEqualTo(1);
        assertThat(reports).anyMatch(line -> line.contains("thread edm-shared"));
    }

    @Test
    void shouldGiveEachAgentItsOwnThreadInDedicatedMode() throws InterruptedException
    {
        final CountingAgent a = new CountingAgent("edm-test-a", false);
        final CountingAgent b = new CountingAgent("edm-test-b", false);
        try (AgentRuntime runtime = AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.DEDICATED, "yield", -1),
            List.of(new AgentRuntime.Role(a, "backoff", -1), new AgentRuntime.Role(b, "sleep-ns:100000", -1)),
            reports::add))
        {
            awaitCycles(a, b);
            assertThat(a.thread).isEqualTo("edm-test-a");
            assertThat(b.thread).isEqualTo("edm-test-b");
            assertThat(runtime.describe()).contains("edm-test-a (idle backoff, cpu any)");
        }
        assertThat(a.closed.get()).isEqualTo(1);
        assertThat(b.closed.get()).isEqualTo(1);
    }

    @Test
    void shouldRunTheFirstAgentAloneAndTheOthersOnTheCallersThreadInSplitMode() throws InterruptedException
    {
        final CountingAgent first = new CountingAgent("edm-test-switch", false);
        final CountingAgent a = new CountingAgent("a", false);
        final CountingAgent b = new CountingAgent("b", false);
        try (AgentRuntime runtime = AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.SPLIT, "noop", -1),
            List.of(new AgentRuntime.Role(first, "backoff", -1), role(a), role(b)), reports::add))
        {
            awaitCycles(first);
            for (int i = 0; i < 10; i++)
            {
                runtime.invoke();
            }
            runtime.waitOnce();
            assertThat(first.thread).isEqualTo("edm-test-switch");
            assertThat(a.cycles.get()).isEqualTo(11);
            assertThat(b.thread).isEqualTo(Thread.currentThread().getName());
            assertThat(runtime.callerRuns()).isTrue();
            assertThat(runtime.describe()).contains("edm-test-switch on its own thread (idle backoff, cpu any)")
                .contains("the caller's thread runs a, b");
        }
        assertThat(first.closed.get()).isEqualTo(1);
        assertThat(a.closed.get()).isEqualTo(1);
    }

    @Test
    void shouldLeaveTheCallerNothingToRunInSplitModeWithASingleAgent() throws InterruptedException
    {
        final CountingAgent only = new CountingAgent("edm-test-host", false);
        try (AgentRuntime runtime = AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.SPLIT, "noop", -1),
            List.of(new AgentRuntime.Role(only, "backoff", -1)), reports::add))
        {
            awaitCycles(only);
            // a daemon's main thread would otherwise spin on waitOnce() beside the agent's own thread
            assertThat(runtime.callerRuns()).isFalse();
            assertThat(runtime.invoke()).isZero();
            assertThat(only.thread).isEqualTo("edm-test-host");
        }
        assertThat(only.closed.get()).isEqualTo(1);
    }

    @Test
    void shouldReportAFailingAgentOnceAndCountEveryFailure() throws InterruptedException
    {
        final CountingAgent failing = new CountingAgent("failing", true);
        final CountingAgent healthy = new CountingAgent("healthy", false);
        try (AgentRuntime runtime = AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.SHARED, "backoff", -1),
            List.of(role(failing), role(healthy)), reports::add))
        {
            while (failing.cycles.get() < 50 || healthy.cycles.get() < 50)
            {
                Thread.sleep(1);
            }
            assertThat(runtime.errors()).isGreaterThanOrEqualTo(50);
            assertThat(reports.stream().filter(line -> line.startsWith("ERROR"))).hasSize(1)
                .first().asString().contains("broken agent").contains("edm-shared");
            assertThat(runtime.errorSummary()).singleElement().asString().contains("x in 'edm-shared'")
                .contains("IllegalStateException: broken agent");
        }
    }

    private static AgentRuntime.Role role(final Agent agent)
    {
        return new AgentRuntime.Role(agent, "backoff", -1);
    }

    private static void awaitCycles(final CountingAgent... agents) throws InterruptedException
    {
        for (final CountingAgent agent : agents)
        {
            while (agent.cycles.get() < 10)
            {
                Thread.sleep(1);
            }
        }
    }
}
