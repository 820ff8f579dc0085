/**
 * Hand-written FFM bindings to glibc, one final class per area, each holding {@code static final} method handles
 * linked with errno capture; every call returns {@code result >= 0 ? result : -errno}. Constants and struct layouts
 * carry {@link org.edm.nativeio.ffm.CName} so that a test checks them against the C headers.
 */
package org.edm.nativeio.ffm;
