package org.edm.phy.link;

import java.util.Locale;

/**
 * The traffic classes a transmit direction arbitrates between, and their priority order (edm-protocol §3.3, §8 A19).
 * <p>
 * {@link #DEFAULT_ORDER} is the emulator's link model of §3.3: memory responses, then memory requests and NOTIFs,
 * then GRANTs, then the next block of the current MAC frame, then idle. {@link #NETSIM_ORDER} puts requests above
 * responses, as the reference simulator's hosts do (§8 A19); use it where golden comparisons with the netsim matter.
 * Any other order can be given as text, for example {@code "request,response,grant,frame"}.
 */
public enum TxClass
{
    /** Memory responses (RRESP, and ACK). */
    RESPONSE,
    /** Memory requests (RREQ, WREQ) and NOTIFs. */
    REQUEST,
    /** GRANTs (switch side). */
    GRANT,
    /** The next block of the current MAC frame. */
    FRAME;

    /** Number of classes. */
    public static final int COUNT = values().length;

    /** §3.3 order: response > request/NOTIF > GRANT > frame. */
    private static final TxClass[] DEFAULT = { RESPONSE, REQUEST, GRANT, FRAME };
    /** §8 A19 netsim order: request > response > GRANT > frame. */
    private static final TxClass[] NETSIM = { REQUEST, RESPONSE, GRANT, FRAME };

    /** Text of the §3.3 order, accepted by {@link #parseOrder(String)}. */
    public static final String DEFAULT_ORDER = "response,request,grant,frame";
    /** Text of the netsim order (§8 A19), accepted by {@link #parseOrder(String)}. */
    public static final String NETSIM_ORDER = "request,response,grant,frame";

    /** A fresh copy of the §3.3 order. */
    public static TxClass[] defaultOrder()
    {
        return DEFAULT.clone();
    }

    /** A fresh copy of the netsim order. */
    public static TxClass[] netsimOrder()
    {
        return NETSIM.clone();
    }

    /**
     * Parses a priority order: class names separated by commas or {@code >}, highest first, case-insensitive, each
     * at most once. Classes left out are never polled.
     *
     * @throws IllegalArgumentException naming the field {@code order} when the text is not such a list.
     */
    public static TxClass[] parseOrder(final String text)
    {
        if (text == null || text.isBlank())
        {
            throw new IllegalArgumentException("order=" + text + " must list at least one of " +
                java.util.Arrays.toString(values()));
        }
        final String[] names = text.split("[,>]");
        final TxClass[] order = new TxClass[names.length];
        final boolean[] seen = new boolean[COUNT];
        for (int i = 0; i < names.length; i++)
        {
            final String name = names[i].trim().toUpperCase(Locale.ROOT);
            final TxClass txClass;
            try
            {
                txClass = valueOf(name);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("order=" + text + ": unknown class '" + names[i].trim() +
                    "', expected one of " + java.util.Arrays.toString(values()), ex);
            }
            if (seen[txClass.ordinal()])
            {
                throw new IllegalArgumentException("order=" + text + ": class " + txClass + " appears twice");
            }
            seen[txClass.ordinal()] = true;
            order[i] = txClass;
        }
        return order;
    }
}
