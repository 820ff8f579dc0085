package org.edm.bench.roce;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.bench.roce.wire.RocePacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RoceQueuePairTest
{
    private static final long SECOND = 1_000_000_000L;

    private static byte[] random(final int length, final long seed)
    {
        final byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static RoceLink link(final int mtu)
    {
        return new RoceLink(RoceLink.defaultConfig().mtu(mtu).timeoutNanos(200_000), 1, 4);
    }

    @ParameterizedTest(name = "READ {0} bytes, mtu {1}")
    @CsvSource({
        "1, 1024", "3, 1024", "4, 1024", "8, 1024", "64, 1024", "1023, 1024", "1024, 1024", "1025, 1024",
        "4096, 1024", "65537, 1024", "1048576, 1024", "1, 4096", "4095, 4096", "4097, 4096", "1048576, 4096",
        "1000, 256"})
    void shouldReadByteForByte(final int length, final int mtu)
    {
        final RoceLink link = link(mtu);
        final byte[] data = random(length, length);
        final long address = 4096 + 13;
        link.memoryB.putBytes((int)address, data);
        final UnsafeBuffer destination = new UnsafeBuffer(new byte[length + 10]);

        assertThat(link.a.submitRead(7, address, RoceLink.RKEY, length, destination, 10, link.now))
            .isEqualTo(RoceStatus.OK);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();

        assertThat(link.completions).containsExactly(
            new RoceLink.Completion(7, RoceStatus.SUCCESS, link.completions.get(0).submitNanos(),
                link.completions.get(0).completeNanos()));
        final byte[] read = new byte[length];
        destination.getBytes(10, read);
        assertThat(read).isEqualTo(data);
        assertThat(link.b.responder().responsePacketsSent()).isEqualTo(RoceWireBytes.packets(length, mtu));
        assertThat(link.a.requester().packetsRetransmitted()).isZero();
    }

    @ParameterizedTest(name = "WRITE {0} bytes, mtu {1}")
    @CsvSource({
        "1, 1024", "2, 1024", "5, 1024", "8, 1024", "64, 1024", "1024, 1024", "1025, 1024", "3000, 1024",
        "65536, 1024", "1048576, 1024", "1, 4096", "4096, 4096", "10000, 4096", "1048576, 4096", "1000, 512"})
    void shouldWriteByteForByte(final int length, final int mtu)
    {
        final RoceLink link = link(mtu);
        final byte[] data = random(length, -length);
        final UnsafeBuffer source = new UnsafeBuffer(new byte[length + 3]);
        source.putBytes(3, data);
        final long address = 77;

        assertThat(link.a.submitWrite(9, address, RoceLink.RKEY, length, source, 3, link.now))
            .isEqualTo(RoceStatus.OK);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();

        assertThat(link.completions.get(0).status()).isEqualTo(RoceStatus.SUCCESS);
        final byte[] written = new byte[length];
        link.memoryB.getBytes((int)address, written);
        assertThat(written).isEqualTo(data);
        assertThat(link.memoryB.getByte((int)address - 1)).isZero();
        assertThat(link.memoryB.getByte((int)address + length)).isZero();
        assertThat(link.b.responder().writesExecuted()).isEqualTo(1);
        assertThat(link.a.requester().packetsSent()).isEqualTo(RoceWireBytes.packets(length, mtu));
    }

    @Test
    void shouldCompletePipelinedRequestsInOrder()
    {
        final RoceLink link = link(1024);
        final byte[] data = random(50_000, 3);
        link.memoryB.putBytes(0, data);
        final UnsafeBuffer local = new UnsafeBuffer(new byte[200_000]);
        local.putBytes(100_000, data);
        for (int i = 0; i < 20; i++)
        {
            final int length = 1 + i * 2_000;
            final int status = (i & 1) == 0 ?
                link.a.submitRead(i, 0, RoceLink.RKEY, length, local, i * 5_000, link.now) :
                link.a.submitWrite(i, 100_000 + i * 2_500L, RoceLink.RKEY, 2_000, local, 100_000, link.now);
            assertThat(status).isEqualTo(RoceStatus.OK);
        }

        assertThat(link.runUntilCompleted(20, SECOND)).isTrue();

        assertThat(link.completions).extracting(RoceLink.Completion::requestId)
            .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(link.completions).allMatch(c -> c.status() == RoceStatus.SUCCESS);
        assertThat(link.a.requester().packetsRetransmitted()).isZero();
        assertThat(link.a.requester().timeouts()).isZero();
    }

    @Test
    void shouldCoalesceAcksEveryNPacketsAndOnTheLast()
    {
        final RoceLink link = new RoceLink(RoceLink.defaultConfig().ackCoalesce(16), 1, 4);
        final int length = 40 * 1024;

        link.a.submitWrite(1, 0, RoceLink.RKEY, length, null, 0, link.now);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();
        link.settle();

        assertThat(link.b.responder().acksSent()).isEqualTo(RoceWireBytes.writeAcks(length, 1024, 16)).isEqualTo(3);
        assertThat(link.a.requester().acksReceived()).isEqualTo(3);
    }

    @Test
    void shouldGoBackNOnASequenceNakWithoutWaitingForTheTimer()
    {
        final RoceLink link = link(1024);
        link.aToB.drop(2);
        final byte[] data = random(8 * 1024, 5);

        link.a.submitWrite(1, 0, RoceLink.RKEY, data.length, new UnsafeBuffer(data), 0, link.now);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();

        assertThat(link.completions.get(0).status()).isEqualTo(RoceStatus.SUCCESS);
        final byte[] written = new byte[data.length];
        link.memoryB.getBytes(0, written);
        assertThat(written).isEqualTo(data);
        assertThat(link.b.responder().sequenceNaksSent()).isEqualTo(1);
        assertThat(link.a.requester().goBacks()).isEqualTo(1);
        assertThat(link.a.requester().timeouts()).isZero();
        assertThat(link.a.requester().packetsRetransmitted()).isEqualTo(6);
    }

    @Test
    void shouldAskOnlyForTheRestOfAReadWhoseResponseWasLost()
    {
        final RoceLink link = link(1024);
        link.bToA.drop(3);
        final byte[] data = random(10 * 1024, 6);
        link.memoryB.putBytes(0, data);
        final UnsafeBuffer destination = new UnsafeBuffer(new byte[data.length]);

        link.a.submitRead(1, 0, RoceLink.RKEY, data.length, destination, 0, link.now);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();

        assertThat(link.completions.get(0).status()).isEqualTo(RoceStatus.SUCCESS);
        final byte[] read = new byte[data.length];
        destination.getBytes(0, read);
        assertThat(read).isEqualTo(data);
        assertThat(link.a.requester().timeouts()).isZero();
        assertThat(link.a.requester().goBacks()).isEqualTo(1);
        assertThat(link.b.responder().duplicates()).isEqualTo(1);
        assertThat(link.b.responder().responsePacketsSent()).isEqualTo(10 + 7);
    }

    @Test
    void shouldRecoverFromTailLossByTheTimer()
    {
        final RoceLink link = link(1024);
        link.aToB.drop(3);
        final long start = link.now;

        link.a.submitWrite(1, 0, RoceLink.RKEY, 4 * 1024, null, 0, link.now);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();

        assertThat(link.completions.get(0).status()).isEqualTo(RoceStatus.SUCCESS);
        assertThat(link.a.requester().timeouts()).isEqualTo(1);
        assertThat(link.completions.get(0).completeNanos() - start).isBetween(200_000L, 300_000L);
    }

    @Test
    void shouldReAckDuplicatesAndNotExecuteThemAgain()
    {
        final RoceLink link = link(1024);
        link.aToB.duplicate(1.0);
        link.bToA.duplicate(1.0);
        final byte[] data = random(3000, 8);
        link.memoryB.putBytes(100_000, data);
        final UnsafeBuffer destination = new UnsafeBuffer(new byte[3000]);

        link.a.submitWrite(1, 0, RoceLink.RKEY, 3000, new UnsafeBuffer(data), 0, link.now);
        link.a.submitRead(2, 100_000, RoceLink.RKEY, 3000, destination, 0, link.now);
        assertThat(link.runUntilCompleted(2, SECOND)).isTrue();
        link.settle();

        assertThat(link.completions).extracting(RoceLink.Completion::status)
            .containsExactly(RoceStatus.SUCCESS, RoceStatus.SUCCESS);
        assertThat(link.completionCount).containsOnlyKeys(1L, 2L).allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(link.b.responder().writesExecuted()).isEqualTo(1);
        assertThat(link.b.responder().readsExecuted()).isEqualTo(1);
        assertThat(link.b.responder().duplicates()).isPositive();
        final byte[] read = new byte[3000];
        destination.getBytes(0, read);
        assertThat(read).isEqualTo(data);
    }

    @Test
    void shouldFailABadRkeyWithARemoteAccessErrorAndChangeNothing()
    {
        final RoceLink link = link(1024);
        final byte[] before = new byte[4096];
        link.memoryB.getBytes(0, before);

        link.a.submitWrite(1, 0, RoceLink.RKEY + 1, 2048, new UnsafeBuffer(random(2048, 1)), 0, link.now);
        link.a.submitWrite(2, 0, RoceLink.RKEY, 16, new UnsafeBuffer(random(16, 2)), 0, link.now);
        assertThat(link.runUntilCompleted(2, SECOND)).isTrue();
        link.settle();

        assertThat(link.completions).extracting(RoceLink.Completion::status)
            .containsExactly(RoceStatus.REMOTE_ACCESS_ERROR, RoceStatus.FLUSHED);
        final byte[] after = new byte[4096];
        link.memoryB.getBytes(0, after);
        assertThat(after).isEqualTo(before);
        assertThat(link.a.inError()).isTrue();
        assertThat(link.b.inError()).isTrue();
        assertThat(link.b.responder().fatalNaks()).isEqualTo(1);
        assertThat(link.a.submitRead(3, 0, RoceLink.RKEY, 8, null, 0, link.now)).isEqualTo(RoceStatus.QP_ERROR);
    }

    @Test
    void shouldFailOutOfBoundsReadsAndWritesWithARemoteAccessError()
    {
        final RoceLink link = link(1024);
        link.a.submitRead(1, RoceLink.REGION_SIZE - 8, RoceLink.RKEY, 9, new UnsafeBuffer(new byte[9]), 0, link.now);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();
        assertThat(link.completions.get(0).status()).isEqualTo(RoceStatus.REMOTE_ACCESS_ERROR);

        final RoceLink other = link(1024);
        other.a.submitWrite(1, -1, RoceLink.RKEY, 8, new UnsafeBuffer(random(8, 9)), 0, other.now);
        other.a.submitWrite(2, RoceLink.REGION_SIZE - 4, RoceLink.RKEY, 8, null, 0, other.now);
        assertThat(other.runUntilCompleted(2, SECOND)).isTrue();
        assertThat(other.completions).extracting(RoceLink.Completion::status)
            .containsExactly(RoceStatus.REMOTE_ACCESS_ERROR, RoceStatus.FLUSHED);
        assertThat(other.memoryB.getByte(RoceLink.REGION_SIZE - 1)).isZero();
    }

    @Test
    void shouldServeAgainAfterBothEndsAreReset()
    {
        final RoceLink link = link(1024);
        link.a.submitRead(1, 0, 999, 8, null, 0, link.now);
        assertThat(link.runUntilCompleted(1, SECOND)).isTrue();
        link.settle();
        assertThat(link.a.inError()).isTrue();

        link.a.reset(500, 900, link.now);
        link.b.reset(900, 500, link.now);
        link.memoryB.putLong(64, 0x1122334455667788L);
        final UnsafeBuffer destination = new UnsafeBuffer(new byte[8]);
        assertThat(link.a.submitRead(2, 64, RoceLink.RKEY, 8, destination, 0, link.now)).isEqualTo(RoceStatus.OK);
        assertThat(link.runUntilCompleted(2, SECOND)).isTrue();

        assertThat(link.completions.get(1).status()).isEqualTo(RoceStatus.SUCCESS);
        assertThat(destination.getLong(0)).isEqualTo(0x1122334455667788L);
    }

    @Test
    void shouldEndWithRetryExceededInBoundedTimeWhenThePeerIsGone()
    {
        final RoceQpConfig config = RoceLink.defaultConfig().timeoutNanos(100_000).retryLimit(3);
        final RoceLink link = new RoceLink(config, 1, 4);
        link.aToB.cut(true);
        final long start = link.now;

        link.a.submitWrite(1, 0, RoceLink.RKEY, 100, null, 0, link.now);
        link.a.submitRead(2, 0, RoceLink.RKEY, 100, null, 0, link.now);
        link.a.submitRead(3, 0, RoceLink.RKEY, 100, null, 0, link.now);
        assertThat(link.runUntilCompleted(3, SECOND)).isTrue();

        assertThat(link.completions).extracting(RoceLink.Completion::status)
            .containsExactly(RoceStatus.RETRY_EXCEEDED, RoceStatus.FLUSHED, RoceStatus.FLUSHED);
        final long elapsed = link.completions.get(0).completeNanos() - start;
        assertThat(elapsed).isBetween(4 * 100_000L, 4 * 100_000L + 10_000L);
        assertThat(link.a.requester().timeouts()).isEqualTo(4);
        assertThat(link.a.requester().packetsSent()).isEqualTo(4 * 3);
        assertThat(link.a.inError()).isTrue();
    }

    @Test
    void shouldRefuseBadSubmissionsAtOnce()
    {
        final RoceLink link = new RoceLink(RoceLink.defaultConfig().sendQueueDepth(2).maxMessageLength(4096), 1, 4);
        final UnsafeBuffer small = new UnsafeBuffer(new byte[16]);

        assertThat(link.a.submitRead(1, 0, RoceLink.RKEY, 0, null, 0, link.now)).isEqualTo(RoceStatus.BAD_LENGTH);
        assertThat(link.a.submitRead(1, 0, RoceLink.RKEY, 4097, null, 0, link.now)).isEqualTo(RoceStatus.BAD_LENGTH);
        assertThat(link.a.submitWrite(1, 0, RoceLink.RKEY, 16, small, 1, link.now)).isEqualTo(RoceStatus.BAD_BUFFER);
        assertThat(link.a.submitRead(1, 0, RoceLink.RKEY, 16, small, 0, link.now)).isEqualTo(RoceStatus.OK);
        assertThat(link.a.submitRead(2, 0, RoceLink.RKEY, 16, small, 0, link.now)).isEqualTo(RoceStatus.OK);
        assertThat(link.a.submitRead(3, 0, RoceLink.RKEY, 16, small, 0, link.now))
            .isEqualTo(RoceStatus.BACK_PRESSURED);
        assertThat(link.a.outstanding()).isEqualTo(2);
    }

    @Test
    void shouldKeepItsFrameWhenTheSinkRefuses()
    {
        final RoceLink link = link(1024);
        final CapturingSink sink = new CapturingSink();
        link.a.submitWrite(1, 0, RoceLink.RKEY, 8, null, 0, link.now);

        sink.refuse(true);
        assertThat(link.a.emit(link.now, sink)).isEqualTo(RoceStatus.BACK_PRESSURED);
        sink.refuse(false);
        assertThat(link.a.emit(link.now, sink)).isEqualTo(1);
        assertThat(link.a.emit(link.now, sink)).isZero();

        assertThat(sink.frames()).hasSize(1);
        final RocePacket packet = new RocePacket();
        final byte[] frame = sink.frames().get(0);
        assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length, true)).isEqualTo(RocePacket.OK);
        assertThat(packet.opcode()).isEqualTo(RoceOpcodes.RDMA_WRITE_ONLY);
        assertThat(packet.psn()).isEqualTo(0xFF_FFF0);
        assertThat(link.a.framesSent()).isEqualTo(1);
    }

    @Test
    void shouldDropFramesForOtherQueuePairsAndCorruptFrames()
    {
        final RoceLink link = link(1024);
        final CapturingSink sink = new CapturingSink();
        link.a.submitWrite(1, 0, RoceLink.RKEY, 8, null, 0, link.now);
        link.a.emit(link.now, sink);
        final byte[] frame = sink.frames().get(0);

        assertThat(link.a.accept(new UnsafeBuffer(frame), 0, frame.length, link.now))
            .as("A's own frame is addressed to B's QP").isEqualTo(RoceQueuePair.NOT_FOR_THIS_QP);
        frame[frame.length - 10] ^= 1;
        assertThat(link.b.accept(new UnsafeBuffer(frame), 0, frame.length, link.now))
            .isEqualTo(RoceQueuePair.BAD_ICRC);
        assertThat(link.b.badIcrc()).isEqualTo(1);
        assertThat(link.a.notForThisQp()).isEqualTo(1);
        assertThat(RoceQueuePair.peekDestinationQp(new UnsafeBuffer(frame), 0, frame.length)).isEqualTo(0x12);
    }
}
