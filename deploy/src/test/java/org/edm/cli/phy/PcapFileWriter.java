package org.edm.cli.phy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes classic pcap files for tests, written from the format description (not with the reader under test): either
 * byte order, microsecond or nanosecond timestamps, any link type, and on request a last record cut short.
 */
final class PcapFileWriter
{
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean nanosecond;

    PcapFileWriter(final ByteOrder order, final boolean nanosecond, final int linkTypeAndFcs)
    {
        this.order = order;
        this.nanosecond = nanosecond;
        final ByteBuffer header = ByteBuffer.allocate(24).order(order);
        header.putInt(nanosecond ? 0xA1B23C4D : 0xA1B2C3D4);
        header.putShort((short)2).putShort((short)4);
        header.putInt(0).putInt(0);
        header.putInt(262_144);
        header.putInt(linkTypeAndFcs);
        bytes.writeBytes(header.array());
    }

    /** An Ethernet capture, little-endian, microsecond timestamps (what tcpdump writes on x86). */
    static PcapFileWriter ethernet()
    {
        return new PcapFileWriter(ByteOrder.LITTLE_ENDIAN, false, 1);
    }

    /** Adds a whole record; {@code nanos} is written as microseconds in a microsecond file. */
    PcapFileWriter record(final long seconds, final int nanos, final byte[] data)
    {
        return record(seconds, nanos, data, data.length, data.length);
    }

    /** Adds a record as the capture's snap length would have cut it: {@code original} bytes on the wire. */
    PcapFileWriter snapped(final long seconds, final int nanos, final byte[] data, final int original)
    {
        return record(seconds, nanos, data, data.length, original);
    }

    /** Adds a record whose header declares all of {@code data} but of which only {@code present} bytes follow. */
    PcapFileWriter truncated(final long seconds, final int nanos, final byte[] data, final int present)
    {
        writeHeader(seconds, nanos, data.length, data.length);
        bytes.writeBytes(Arrays.copyOf(data, present));
        return this;
    }

    /** Adds {@code count} bytes of a record header and nothing more. */
    PcapFileWriter partialHeader(final int count)
    {
        bytes.writeBytes(new byte[count]);
        return this;
    }

    byte[] toByteArray()
    {
        return bytes.toByteArray();
    }

    private PcapFileWriter record(
        final long seconds, final int nanos, final byte[] data, final int captured, final int original)
    {
        writeHeader(seconds, nanos, captured, original);
        bytes.writeBytes(data);
        return this;
    }

    private void writeHeader(final long seconds, final int nanos, final int captured, final int original)
    {
        final ByteBuffer header = ByteBuffer.allocate(16).order(order);
        header.putInt((int)seconds);
        header.putInt(nanosecond ? nanos : nanos / 1000);
        header.putInt(captured);
        header.putInt(original);
        bytes.writeBytes(header.array());
    }
}
