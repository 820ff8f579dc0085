/**
 * Reading packet captures for {@code edm phy dump}: classic libpcap files ({@link org.edm.cli.phy.pcap.PcapReader},
 * written here, no library) and the link-layer headers of the capture types the tool understands
 * ({@link org.edm.cli.phy.pcap.LinkLayer}), giving every packet as an Ethernet frame.
 */
package org.edm.cli.phy.pcap;
