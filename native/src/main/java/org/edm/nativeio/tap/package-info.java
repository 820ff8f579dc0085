/** TAP ports: the host kernel's network stack as the peer, for ordinary (non-EDM) frames. */
package org.edm.nativeio.tap;
