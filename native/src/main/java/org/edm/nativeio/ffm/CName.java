package org.edm.nativeio.ffm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a binding constant or struct layout with the C expression it mirrors, so that the layout test can compile a C
 * program against the system headers and compare every marked value with the Java one.
 * <ul>
 *     <li>On an {@code int}/{@code long} constant: the C expression; empty means the field's own name is the C macro
 *     (e.g. {@code PACKET_RX_RING}).</li>
 *     <li>On a {@code StructLayout}: the C type (e.g. {@code struct tpacket2_hdr}); the test checks its size and the
 *     offset of every named member (padding members are unnamed).</li>
 * </ul>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CName
{
    /** The C expression or type; empty for "same as the Java field name". */
    String value() default "";
}
