package org.edm.phy;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the build: tests run on JDK 25 with the FFM and Agrona flags from the parent POM. */
class BuildEnvironmentTest
{
    @Test
    void shouldRunOnJdk25WithTheProjectJvmFlags()
    {
        assertThat(Runtime.version().feature()).isEqualTo(25);
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
            .contains("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void shouldReachAgronaUnsafeBuffers()
    {
        final var buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[16]);
        buffer.putLong(8, 0x1122334455667788L);
        assertThat(buffer.getLong(8)).isEqualTo(0x1122334455667788L);
    }
}
