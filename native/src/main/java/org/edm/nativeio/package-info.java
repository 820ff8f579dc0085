/**
 * The FramePort SPI: {@link org.edm.nativeio.FramePort} (poll frames in place, claim/commit/flush to send),
 * {@link org.edm.nativeio.PortStatus} codes, {@link org.edm.nativeio.PortCounters} and
 * {@link org.edm.nativeio.PortOptions}; plus what every backend shares at set-up: entering network namespaces,
 * pinning threads, locked memory and set-up errors that say what to do.
 */
package org.edm.nativeio;
