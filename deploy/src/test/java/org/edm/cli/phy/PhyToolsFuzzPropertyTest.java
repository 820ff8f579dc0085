package org.edm.cli.phy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.edm.cli.phy.EdmRun.Result;
import org.edm.phy.carrier.CarrierFrame;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever blocks or packets arrive, the tools report and go on: random memory block streams through the message
 * assembler, and random captures (carrier frames full of random blocks, damaged headers, random bytes) through
 * {@code edm phy dump}, never end in an exception.
 */
class PhyToolsFuzzPropertyTest
{
    private static final int[] TYPES = {
        MemoryBlockTypes.RREQ_FIRST, MemoryBlockTypes.RREQ_MIDDLE, MemoryBlockTypes.RREQ_LAST,
        MemoryBlockTypes.RRESP_FIRST, MemoryBlockTypes.RRESP_MIDDLE, MemoryBlockTypes.RRESP_LAST,
        MemoryBlockTypes.WREQ_FIRST, MemoryBlockTypes.WREQ_MIDDLE, MemoryBlockTypes.WREQ_LAST,
        MemoryBlockTypes.NOTIF, MemoryBlockTypes.GRANT, MemoryBlockTypes.ACK };
    private static final String[] FRAMINGS = { "wire-7", "wire-8", "netsim" };

    @Property(tries = 300)
    void randomMemoryBlocksNeverBreakTheAssembler(@ForAll final long seed)
    {
        final Random random = new Random(seed);
        final Framing framing = Framing.parse(FRAMINGS[random.nextInt(FRAMINGS.length)]);
        final MessageAssembler assembler = new MessageAssembler(framing, p -> "line " + p);
        final int blocks = 1 + random.nextInt(400);
        for (int i = 0; i < blocks; i++)
        {
            final int sync = FramingOption.eightByteData(framing) && random.nextInt(4) == 0 ?
                (random.nextBoolean() ? Block.SYNC_ZERO : Block.SYNC_ONES) : Block.SYNC_CONTROL;
            final long payload = (smallFields(random) & ~0xFFL) | TYPES[random.nextInt(TYPES.length)];
            assertThat(assembler.isMemoryBlock(sync, payload)).isTrue();
            final MessageAssembler.BlockReport report = assembler.accept(sync, payload, i + 1);
            assertThat(report.description()).isNotBlank();
            if (report.completed() != null)
            {
                assertThat(report.completed().toString()).isNotBlank();
            }
        }
        for (final MemoryMessage message : assembler.incomplete())
        {
            assertThat(message.identity()).isNotBlank();
            assertThat(assembler.blocksOf(message)).isPositive();
        }
    }

    @Property(tries = 60)
    void randomCapturesNeverEndInAnException(@ForAll final long seed)
    {
        final Random random = new Random(seed);
        final PcapFileWriter pcap = PcapFileWriter.ethernet();
        final int packets = random.nextInt(12);
        final CarrierCapture[] links = {
            new CarrierCapture(CarrierCapture.HOST_MAC, CarrierCapture.SWITCH_MAC, Framing.wire(7)),
            new CarrierCapture(CarrierCapture.SWITCH_MAC, CarrierCapture.HOST_MAC, Framing.wire(7)) };
        for (int i = 0; i < packets; i++)
        {
            final byte[] packet;
            if (random.nextInt(4) == 0)
            {
                packet = new byte[random.nextInt(100)];
                random.nextBytes(packet);
            }
            else
            {
                final CarrierCapture link = links[random.nextInt(2)];
                final int blocks = random.nextInt(40);
                for (int b = 0; b < blocks; b++)
                {
                    final int sync = random.nextInt(8) == 0 ? random.nextInt(4) : Block.SYNC_CONTROL;
                    final long payload = random.nextInt(3) == 0 ? random.nextLong() :
                        (smallFields(random) & ~0xFFL) | TYPES[random.nextInt(TYPES.length)];
                    link.block(sync, payload);
                }
                packet = link.frame();
                if (random.nextInt(5) == 0)
                {
                    packet[CarrierFrame.HEADER_LENGTH / 2 + random.nextInt(CarrierFrame.HEADER_LENGTH / 2)] ^=
                        (byte)(1 << random.nextInt(8));
                }
            }
            if (random.nextInt(10) == 0)
            {
                pcap.truncated(i, 0, packet, random.nextInt(packet.length + 1));
                break;
            }
            pcap.record(i, 0, packet);
        }
        final String framing = FRAMINGS[random.nextInt(FRAMINGS.length)];

        final Result result = EdmRun.run(pcap.toByteArray(), "phy", "dump", "--framing", framing, "-");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("summary: ").doesNotContain("Exception");
    }

    /** A payload whose length, node and tag fields are mostly small, so that blocks often fit together. */
    private static long smallFields(final Random random)
    {
        if (random.nextBoolean())
        {
            return random.nextLong();
        }
        final long length = random.nextInt(40);
        final long node = random.nextInt(3);
        final long tag = random.nextInt(3);
        return (length << 48) | (tag << 32) | (node << 28) | (node << 8) | ((long)random.nextInt(2) << 16);
    }
}
