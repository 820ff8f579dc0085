/**
 * {@code edm phy}: tools at the PHY layer, working on text streams of XGMII transfers, 66-bit blocks and Ethernet
 * frames, and on packet captures. {@code encode} and {@code decode} run the clause 49 PCS of {@code org.edm.phy.pcs},
 * or with {@code --frames} the link layer's MAC frame encoder and receive demultiplexer ({@code org.edm.phy.link});
 * {@code mem} builds and parses memory messages with the segmenter and reassembler of {@code org.edm.phy.mem};
 * {@code dump} prints the carrier frames of a capture. Subcommands are registered in
 * {@link org.edm.cli.phy.PhyCommand}.
 */
package org.edm.cli.phy;
