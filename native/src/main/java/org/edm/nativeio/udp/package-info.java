/** UDP ports: one Ethernet frame per UDP/IPv4 datagram; no privileges, crosses L3. */
package org.edm.nativeio.udp;
