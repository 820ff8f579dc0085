package org.edm.cli.phy.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads classic libpcap capture files (not pcapng), record by record from a stream, so that a capture can be piped in
 * as it is written ({@code tcpdump -w -}). Written here rather than taken from a library because the format is small
 * and the tools need exact control over broken files: a file that ends inside a record gives that record back marked
 * truncated instead of failing.
 * <pre>
 *   file header (24 bytes), in the writer's byte order:
 *   +----------------+--------+--------+----------------+----------------+----------------+----------------------+
 *   | magic          | major  | minor  | reserved       | reserved       | snap length    | link type and FCS    |
 *   +----------------+--------+--------+----------------+----------------+----------------+----------------------+
 *     A1B2C3D4: microsecond timestamps, A1B23C4D: nanosecond; read byte-swapped, the file is of the other byte order
 *     link type and FCS: link type in bits 0-15; when bit 26 is set, bits 28-31 are the FCS length in 16-bit units
 *
 *   packet record: 16-byte header, then the captured bytes
 *   +----------------+----------------+----------------+----------------+-------------------------------+
 *   | seconds        | usec or nsec   | captured length| original length| captured bytes ...            |
 *   +----------------+----------------+----------------+----------------+-------------------------------+
 * </pre>
 * Not thread-safe; allocates per record (a diagnostic tool, not the data path).
 */
public final class PcapReader
{
    /** LINKTYPE_ETHERNET: IEEE 802.3 Ethernet frames, destination MAC first. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** LINKTYPE_LINUX_SLL: Linux "cooked" capture, version 1 (16-byte pseudo header). */
    public static final int LINKTYPE_LINUX_SLL = 113;
    /** LINKTYPE_LINUX_SLL2: Linux "cooked" capture, version 2 (20-byte pseudo header). */
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int FILE_HEADER_LENGTH = 24;
    private static final int RECORD_HEADER_LENGTH = 16;
    private static final int MAGIC_MICROSECONDS = 0xA1B2C3D4;
    private static final int MAGIC_NANOSECONDS = 0xA1B23C4D;
    private static final int MAGIC_PCAPNG = 0x0A0D0D0A;
    private static final int FCS_PRESENT = 0x0400_0000;
    /** Larger records than this are taken as a sign of a corrupt file rather than allocated. */
    private static final int MAX_RECORD_LENGTH = 64 << 20;

    private final InputStream in;
    private final ByteOrder order;
    private final boolean nanosecond;
    private final int versionMajor;
    private final int versionMinor;
    private final long snapLength;
    private final int linkType;
    private final int fcsLength;
    private final byte[] recordHeader = new byte[RECORD_HEADER_LENGTH];
    private long offset;
    private long records;
    private boolean ended;

    private PcapReader(final InputStream in, final ByteBuffer header)
    {
        this.in = in;
        this.order = header.order();
        this.nanosecond = header.getInt(0) == MAGIC_NANOSECONDS;
        this.versionMajor = header.getShort(4) & 0xFFFF;
        this.versionMinor = header.getShort(6) & 0xFFFF;
        this.snapLength = header.getInt(16) & 0xFFFF_FFFFL;
        final int linkTypeAndFcs = header.getInt(20);
        this.linkType = linkTypeAndFcs & 0xFFFF;
        this.fcsLength = (linkTypeAndFcs & FCS_PRESENT) != 0 ? ((linkTypeAndFcs >>> 28) & 0xF) * 2 : 0;
        this.offset = FILE_HEADER_LENGTH;
    }

    /**
     * Reads the file header.
     *
     * @throws PcapFormatException when the stream is not a classic pcap file (with a hint for pcapng).
     */
    public static PcapReader open(final InputStream in) throws IOException
    {
        final byte[] bytes = new byte[FILE_HEADER_LENGTH];
        final int read = in.readNBytes(bytes, 0, bytes.length);
        final ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (read >= 4 && header.getInt(0) == MAGIC_PCAPNG)
        {
            throw new PcapFormatException("this is a pcapng file; only classic pcap is read (convert it with " +
                "'editcap -F pcap', or capture with 'tcpdump -w', which writes pcap)");
        }
        if (read < FILE_HEADER_LENGTH)
        {
            throw new PcapFormatException("not a pcap file: only " + read + " bytes, shorter than the 24-byte " +
                "file header");
        }
        final int magic = header.getInt(0);
        if (magic != MAGIC_MICROSECONDS && magic != MAGIC_NANOSECONDS)
        {
            header.order(ByteOrder.BIG_ENDIAN);
            final int swapped = header.getInt(0);
            if (swapped != MAGIC_MICROSECONDS && swapped != MAGIC_NANOSECONDS)
            {
                throw new PcapFormatException(String.format("not a pcap file: magic number %08X is none of A1B2C3D4, " +
                    "A1B23C4D (either byte order)", magic));
            }
        }
        return new PcapReader(in, header);
    }

    /**
     * Reads the next record.
     *
     * @return the record, possibly {@link PcapRecord#truncated() truncated} (then it is the last); null at the end.
     * @throws PcapFormatException when a record header declares an implausible length.
     */
    public PcapRecord next() throws IOException
    {
        if (ended)
        {
            return null;
        }
        final int headerRead = in.readNBytes(recordHeader, 0, RECORD_HEADER_LENGTH);
        final long number = records + 1;
        if (headerRead == 0)
        {
            ended = true;
            return null;
        }
        if (headerRead < RECORD_HEADER_LENGTH)
        {
            ended = true;
            records = number;
            return new PcapRecord(number, 0, 0, -1, -1, new byte[0]);
        }
        final ByteBuffer header = ByteBuffer.wrap(recordHeader).order(order);
        final long seconds = header.getInt(0) & 0xFFFF_FFFFL;
        final long fraction = header.getInt(4) & 0xFFFF_FFFFL;
        final long captured = header.getInt(8) & 0xFFFF_FFFFL;
        final long original = header.getInt(12) & 0xFFFF_FFFFL;
        if (captured > MAX_RECORD_LENGTH)
        {
            throw new PcapFormatException("record " + number + " at byte " + offset + " declares " + captured +
                " captured bytes; the file is corrupt");
        }
        final byte[] data = in.readNBytes((int)captured);
        records = number;
        offset += RECORD_HEADER_LENGTH + data.length;
        final int nanos = (int)Math.min(999_999_999L, nanosecond ? fraction : fraction * 1000);
        if (data.length < captured)
        {
            ended = true;
            return new PcapRecord(number, seconds, nanos, (int)captured, (int)Math.min(original, Integer.MAX_VALUE),
                data);
        }
        final int originalLength = (int)Math.min(original, Integer.MAX_VALUE);
        if (fcsLength > 0 && captured == original && captured >= fcsLength)
        {
            final byte[] withoutFcs = java.util.Arrays.copyOf(data, data.length - fcsLength);
            return new PcapRecord(number, seconds, nanos, withoutFcs.length, originalLength - fcsLength, withoutFcs);
        }
        return new PcapRecord(number, seconds, nanos, (int)captured, originalLength, data);
    }

    /** The byte order the file was written in. */
    public ByteOrder byteOrder()
    {
        return order;
    }

    /** Whether timestamps have nanosecond resolution (else microseconds). */
    public boolean nanosecond()
    {
        return nanosecond;
    }

    public int versionMajor()
    {
        return versionMajor;
    }

    public int versionMinor()
    {
        return versionMinor;
    }

    public long snapLength()
    {
        return snapLength;
    }

    /** The link-layer header type of every record (LINKTYPE_ values). */
    public int linkType()
    {
        return linkType;
    }

    /** Bytes of FCS at the end of every packet according to the file header (removed from records); 0 if none. */
    public int fcsLength()
    {
        return fcsLength;
    }
}
