/** AF_PACKET ports: TPACKET_V2 RX ring polled in user space, TX by sendmmsg or TPACKET_V2 TX ring. */
package org.edm.nativeio.packet;
