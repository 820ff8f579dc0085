package org.edm.cli.phy.pcap;

import java.io.IOException;

/** A file that is not a classic libpcap capture, or one whose structure is broken beyond the point it was read to. */
public final class PcapFormatException extends IOException
{
    private static final long serialVersionUID = 1L;

    public PcapFormatException(final String message)
    {
        super(message);
    }
}
