package org.edm.bench.roce;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a classic pcap file (little-endian, microsecond timestamps, link type 1 = Ethernet): one record per frame,
 * frames without FCS, as AF_PACKET would capture them. Frame i is stamped i microseconds after the epoch.
 */
public final class PcapFile
{
    private static final int LINKTYPE_ETHERNET = 1;

    private PcapFile()
    {
    }

    public static void write(final Path file, final List<byte[]> frames) throws IOException
    {
        try (OutputStream out = Files.newOutputStream(file))
        {
            final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0)
                .putInt(65_535).putInt(LINKTYPE_ETHERNET);
            out.write(header.array());
            for (int i = 0; i < frames.size(); i++)
            {
                final byte[] frame = frames.get(i);
                final ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                record.putInt(0).putInt(i).putInt(frame.length).putInt(frame.length);
                out.write(record.array());
                out.write(frame);
            }
        }
    }
}
