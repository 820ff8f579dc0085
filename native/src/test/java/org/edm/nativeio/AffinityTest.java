package org.edm.nativeio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AffinityTest
{
    @Test
    void shouldParseKernelCpuLists()
    {
        assertThat(Affinity.parseCpuList("")).isEmpty();
        assertThat(Affinity.parseCpuList("2-4,7\n")).containsExactly(2, 3, 4, 7);
    }

    @Test
    void shouldPinTheNewThreadFromInsideAndReportIt() throws Exception
    {
        final List<String> reports = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> seen = new ArrayList<>();
        final AffinityThreadFactory factory = new AffinityThreadFactory("edm-test-pinned", 0, true, reports::add);
        final Thread thread = factory.newThread(() -> seen.addAll(Affinity.allowedCpus()));
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.getName()).isEqualTo("edm-test-pinned");
        assertThat(seen).containsExactly(0);
        assertThat(reports).anyMatch(line -> line.contains("pinned to CPU 0 (effective affinity [0])"));
        if (!Affinity.isolatedCpus().contains(0))
        {
            assertThat(reports).anyMatch(line -> line.startsWith("WARNING") && line.contains("not isolated"));
        }
        assertThat(Affinity.allowedCpus()).as("the creating thread stays unpinned").hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldRunUnpinnedWithAWarningWhenTheCpuDoesNotExist() throws Exception
    {
        final List<String> reports = Collections.synchronizedList(new ArrayList<>());
        final Thread thread = new AffinityThreadFactory("edm-test-bad", 1000, false, reports::add).newThread(() -> { });
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(reports).singleElement().asString().startsWith("WARNING").contains("CPU 1000").contains("unpinned");
    }

    @Test
    void shouldRejectANegativeCpu()
    {
        assertThatThrownBy(() -> Affinity.pinCurrentThread(-2)).hasMessageContaining("cpu -2");
    }
}
