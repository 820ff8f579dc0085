package org.edm.nativeio;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockedMemoryTest
{
    @Test
    void shouldMapLockAndReportEveryFallback()
    {
        final List<String> reports = new ArrayList<>();
        try (LockedMemory memory = LockedMemory.allocate(3 * 1024 * 1024, true, true, reports::add))
        {
            assertThat(memory.length()).isGreaterThanOrEqualTo(3 * 1024 * 1024);
            memory.buffer().putLong(memory.length() > 8 ? 4096 : 0, 42L);
            assertThat(memory.buffer().getLong(4096)).isEqualTo(42L);
            if (!memory.hugePages())
            {
                assertThat(reports).anyMatch(line -> line.contains("no explicit huge pages") &&
                    line.contains("vm.nr_hugepages"));
            }
            if (!memory.locked())
            {
                assertThat(reports).anyMatch(line -> line.contains("cannot lock") && line.contains("CAP_IPC_LOCK"));
            }
            else
            {
                assertThat(Privileges.isRoot() || Capabilities.has(Capabilities.CAP_IPC_LOCK) ||
                    memory.length() <= 8 * 1024 * 1024).isTrue();
            }
        }
    }
}
