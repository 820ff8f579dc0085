/**
 * {@code edm phy}: tools at the PHY layer, working on text streams of XGMII transfers and 66-bit blocks.
 * {@code encode} and {@code decode} run the clause 49 PCS of {@code org.edm.phy.pcs}; further subcommands are
 * registered in {@link org.edm.cli.phy.PhyCommand}.
 */
package org.edm.cli.phy;
