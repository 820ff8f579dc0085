package org.edm.bench.baseline;

import org.agrona.MutableDirectBuffer;
import org.edm.bench.harness.BenchTransport;
import org.edm.bench.run.BaselineContext;
import org.edm.bench.run.BaselineSetup;
import org.edm.bench.run.BenchFabric;
import org.edm.bench.run.HostRoles;
import org.edm.bench.run.LoadSpec;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The EDM transport moves the right bytes: a read brings back what the region holds, a write puts its buffer there. */
class EdmTransportDataTest
{
    private static final int LENGTH = 5000;
    private static final long READ_AT = 12_345;
    private static final long WRITE_AT = 200_000;

    @Test
    void shouldReadThePatternWrittenIntoTheRegionAndWriteItsBufferThere()
    {
        final RackDescription rack = HostRoles.generatedRack(LoadSpec.unloaded());
        final FabricSettings settings = FabricSettings.defaults().withRegionBytes(1 << 20);
        final HostRoles roles = new HostRoles(List.of("c0"), "m0", List.of(), null);
        try (BenchFabric fabric = BenchFabric.embedded(rack, true, settings, FabricOptions.defaults(), line -> { }))
        {
            final MutableDirectBuffer region = fabric.region("m0");
            for (int i = 0; i < LENGTH; i++)
            {
                region.putByte((int)READ_AT + i, (byte)(i * 13 + 5));
            }
            final BaselineContext context = new BaselineContext(fabric,
                new BaselineSetup(rack, roles, settings, true, true, 1514), fabric::runOnce, 5_000_000_000L);
            try (BenchTransport transport = new EdmBaseline().open(context, "c0", 1, LENGTH))
            {
                assertThat(complete(transport, BenchTransport.READ, READ_AT)).isEqualTo(CompletionStatus.SUCCESS);
                final var buffer = ((EdmTransport)transport).buffer(0);
                for (int i = 0; i < LENGTH; i++)
                {
                    assertThat(buffer.get(ValueLayout.JAVA_BYTE, i)).as("read byte %d", i).isEqualTo((byte)(i * 13 + 5));
                }

                // refill the buffer with the transport's own pattern, then write it
                for (int i = 0; i < LENGTH; i++)
                {
                    buffer.set(ValueLayout.JAVA_BYTE, i, EdmTransport.patternByte(0, i));
                }
                assertThat(complete(transport, BenchTransport.WRITE, WRITE_AT)).isEqualTo(CompletionStatus.SUCCESS);
                for (int i = 0; i < LENGTH; i++)
                {
                    assertThat(region.getByte((int)WRITE_AT + i)).as("written byte %d", i)
                        .isEqualTo(EdmTransport.patternByte(0, i));
                }
                assertThat(transport.wireBytes()).isGreaterThan(2L * LENGTH);
                assertThat(transport.submit(BenchTransport.READ, 0, LENGTH + 1, 9)).isEqualTo(BenchTransport.UNSUPPORTED);
            }
        }
    }

    private static int complete(final BenchTransport transport, final int operation, final long address)
    {
        assertThat(transport.submit(operation, address, LENGTH, 7)).isZero();
        final int[] status = { -1 };
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (status[0] < 0 && System.nanoTime() < deadline)
        {
            transport.poll((token, s, now) ->
            {
                assertThat(token).isEqualTo(7);
                status[0] = s;
            });
        }
        assertThat(transport.outstanding()).isZero();
        return status[0];
    }
}
