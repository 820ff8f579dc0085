/** In-memory ports: two lock-free SPSC rings per link, lossless, for in-process racks and tests. */
package org.edm.nativeio.memory;
