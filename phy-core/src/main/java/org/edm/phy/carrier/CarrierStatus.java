package org.edm.phy.carrier;

/**
 * Why a received carrier frame was rejected. Codes are negative so that methods can return a block count (zero or
 * more) or a status in one {@code int}; {@link #index(int)} maps a code to 0..{@link #COUNT}-1 for counter arrays.
 * <pre>
 *   code  name             meaning                                                     what the caller does
 *    -1   TOO_SHORT        shorter than the 40-byte header                             count, drop
 *    -2   NOT_CARRIER      EtherType is not 0x88B5                                     count, drop (not ours)
 *    -3   BAD_VERSION      version is not {@link CarrierFrame#VERSION}                 count, drop
 *    -4   BAD_HEADER       a reserved flag bit or reserved byte is not zero            count, drop
 *    -5   LENGTH_MISMATCH  frame length disagrees with the block count                 count, drop
 *    -6   TOO_LONG         longer than the receiver's maximum frame length             count, drop
 *    -7   DUPLICATE        link sequence number already received                       count, drop
 *    -8   LATE             link sequence number older than one already accepted        count, drop (its blocks
 *                          (reordered); it was counted as lost when skipped              would be out of order)
 *    -9   STALE            link sequence number too far behind to classify             count, drop
 * </pre>
 */
public final class CarrierStatus
{
    public static final int TOO_SHORT = -1;
    public static final int NOT_CARRIER = -2;
    public static final int BAD_VERSION = -3;
    public static final int BAD_HEADER = -4;
    public static final int LENGTH_MISMATCH = -5;
    public static final int TOO_LONG = -6;
    public static final int DUPLICATE = -7;
    public static final int LATE = -8;
    public static final int STALE = -9;
    /** Number of status codes; {@link #index(int)} is below it. */
    public static final int COUNT = 9;

    private static final String[] NAMES = {
        "TOO_SHORT", "NOT_CARRIER", "BAD_VERSION", "BAD_HEADER", "LENGTH_MISMATCH", "TOO_LONG", "DUPLICATE", "LATE",
        "STALE" };

    private CarrierStatus()
    {
    }

    /** 0-based index of a status code, for counter arrays. */
    public static int index(final int status)
    {
        return -status - 1;
    }

    /** The name of a status code, or "OK" for a non-negative value, or "UNKNOWN". */
    public static String name(final int status)
    {
        if (status >= 0)
        {
            return "OK";
        }
        final int index = index(status);
        return index < COUNT ? NAMES[index] : "UNKNOWN";
    }
}
