package org.edm.nativeio.packet;

import org.edm.nativeio.PortOptions;

/** The conformance suite over AF_PACKET ports sending through the TPACKET_V2 TX ring. */
class PacketPortTxRingConformanceTest extends PacketPortConformanceTest
{
    protected PortOptions.TxMode txMode()
    {
        return PortOptions.TxMode.TX_RING;
    }
}
