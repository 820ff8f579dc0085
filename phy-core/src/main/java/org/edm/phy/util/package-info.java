/** Small primitive collections shared by the engines; no allocation after construction. */
package org.edm.phy.util;
