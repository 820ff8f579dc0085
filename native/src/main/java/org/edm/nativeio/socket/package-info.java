/** The socket plumbing the AF_PACKET and UDP ports share: the sendmmsg sender and set-up helpers. */
package org.edm.nativeio.socket;
