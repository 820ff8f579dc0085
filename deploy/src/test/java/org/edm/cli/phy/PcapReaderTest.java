package org.edm.cli.phy;

import org.edm.cli.phy.pcap.PcapFormatException;
import org.edm.cli.phy.pcap.PcapReader;
import org.edm.cli.phy.pcap.PcapRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pcap reader on files {@link PcapFileWriter} writes from the format description. */
class PcapReaderTest
{
    private static PcapReader open(final byte[] file) throws IOException
    {
        return PcapReader.open(new ByteArrayInputStream(file));
    }

    @Test
    void shouldReadTheHeaderAndRecordsOfEitherByteOrderAndResolution() throws IOException
    {
        for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN })
        {
            for (final boolean nanosecond : new boolean[] { false, true })
            {
                final PcapReader reader = open(new PcapFileWriter(order, nanosecond, 1)
                    .record(1_700_000_000L, 123_456_789, new byte[] { 1, 2, 3 })
                    .record(4_000_000_000L, 0, new byte[0])
                    .toByteArray());

                assertThat(reader.byteOrder()).isEqualTo(order);
                assertThat(reader.nanosecond()).isEqualTo(nanosecond);
                assertThat(reader.versionMajor()).isEqualTo(2);
                assertThat(reader.versionMinor()).isEqualTo(4);
                assertThat(reader.snapLength()).isEqualTo(262_144);
                assertThat(reader.linkType()).isEqualTo(PcapReader.LINKTYPE_ETHERNET);
                final PcapRecord first = reader.next();
                assertThat(first.number()).isEqualTo(1);
                assertThat(first.seconds()).isEqualTo(1_700_000_000L);
                assertThat(first.nanos()).isEqualTo(nanosecond ? 123_456_789 : 123_456_000);
                assertThat(first.data()).containsExactly(1, 2, 3);
                assertThat(first.truncated()).isFalse();
                assertThat(first.snapped()).isFalse();
                final PcapRecord second = reader.next();
                assertThat(second.number()).isEqualTo(2);
                assertThat(second.seconds()).as("unsigned 32-bit seconds").isEqualTo(4_000_000_000L);
                assertThat(second.data()).isEmpty();
                assertThat(reader.next()).isNull();
                assertThat(reader.next()).isNull();
            }
        }
    }

    @Test
    void shouldRemoveTheFcsWhenTheHeaderSaysPacketsHaveOne() throws IOException
    {
        // link type 1, FCS present (bit 26), FCS length 2 x 16 bits in bits 28-31
        final PcapReader reader = open(new PcapFileWriter(ByteOrder.LITTLE_ENDIAN, false, 0x2400_0001)
            .record(0, 0, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })
            .snapped(0, 0, new byte[] { 1, 2, 3 }, 8)
            .toByteArray());

        assertThat(reader.linkType()).isEqualTo(1);
        assertThat(reader.fcsLength()).isEqualTo(4);
        final PcapRecord whole = reader.next();
        assertThat(whole.data()).containsExactly(1, 2, 3, 4);
        assertThat(whole.truncated()).isFalse();
        final PcapRecord cut = reader.next();
        assertThat(cut.data()).as("a snapped packet has no FCS to remove").containsExactly(1, 2, 3);
        assertThat(cut.snapped()).isTrue();
    }

    @Test
    void shouldGiveBackARecordCutOffByTheEndOfTheFileMarkedTruncated() throws IOException
    {
        final PcapReader inData = open(PcapFileWriter.ethernet()
            .record(0, 0, new byte[] { 9 })
            .truncated(0, 0, new byte[] { 1, 2, 3, 4, 5 }, 2)
            .toByteArray());
        final PcapReader inHeader = open(PcapFileWriter.ethernet().partialHeader(10).toByteArray());

        assertThat(inData.next().truncated()).isFalse();
        final PcapRecord cut = inData.next();
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.capturedLength()).isEqualTo(5);
        assertThat(cut.data()).containsExactly(1, 2);
        assertThat(inData.next()).isNull();
        final PcapRecord headerOnly = inHeader.next();
        assertThat(headerOnly.truncated()).isTrue();
        assertThat(headerOnly.capturedLength()).isEqualTo(-1);
        assertThat(inHeader.next()).isNull();
    }

    @Test
    void shouldRefuseFilesThatAreNotClassicPcap()
    {
        assertThatThrownBy(() -> open(new byte[] { 0x0A, 0x0D, 0x0D, 0x0A, 1, 2, 3, 4 }))
            .isInstanceOf(PcapFormatException.class).hasMessageContaining("pcapng");
        assertThatThrownBy(() -> open(new byte[24]))
            .isInstanceOf(PcapFormatException.class).hasMessageContaining("magic number 00000000");
        assertThatThrownBy(() -> open(new byte[0]))
            .isInstanceOf(PcapFormatException.class).hasMessageContaining("only 0 bytes");
    }
}
