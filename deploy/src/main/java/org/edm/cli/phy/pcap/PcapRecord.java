package org.edm.cli.phy.pcap;

/**
 * One packet record of a capture.
 *
 * @param number         1 for the first record of the file, as tcpdump and Wireshark count.
 * @param seconds        the timestamp's seconds since 1970 (UTC).
 * @param nanos          the timestamp's fraction in nanoseconds (microsecond files are scaled).
 * @param capturedLength the length the record header declares for the captured bytes; -1 when the file ended inside
 *                       the record header.
 * @param originalLength the packet's length on the wire; more than {@code capturedLength} when the capture's snap
 *                       length cut it.
 * @param data           the captured bytes present in the file (fewer than {@code capturedLength} when the file
 *                       ended inside the record); an FCS the file says it holds is already removed.
 */
public record PcapRecord(long number, long seconds, int nanos, int capturedLength, int originalLength, byte[] data)
{
    /** Whether the file ended inside this record (its header or its data). */
    public boolean truncated()
    {
        return capturedLength < 0 || data.length < capturedLength;
    }

    /** Whether the capture's snap length cut the packet short. */
    public boolean snapped()
    {
        return capturedLength >= 0 && capturedLength < originalLength;
    }
}
