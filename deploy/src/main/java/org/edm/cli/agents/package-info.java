/**
 * The agent commands: {@code edm switch} and {@code edm host} (one process per role on a lab rack), {@code edm rack
 * run} (a whole local rack in one process), and what they share: configuration options, the rack option, the daemon
 * loop and its status line.
 */
package org.edm.cli.agents;
