package org.edm.bench.roce;

/**
 * How a RoCE request ended (the completion statuses, named after their {@code ibv_wc_status} counterparts), and the
 * codes a submission is refused with at once.
 * <pre>
 *   completion (>= 0)          cause
 *   SUCCESS                    acknowledged (WRITE) or all data received (READ)
 *   REMOTE_ACCESS_ERROR        NAK remote access error: bad R_Key, or address + length outside the region
 *   REMOTE_INVALID_REQUEST     NAK invalid request: bad length, opcode out of sequence, too many READs at once
 *   REMOTE_OPERATIONAL_ERROR   NAK remote operational error
 *   RETRY_EXCEEDED             no progress after retryLimit retransmissions (timeouts or sequence NAKs)
 *   FLUSHED                    the queue pair went to the error state before this request could finish
 *   submission (< 0)
 *   BACK_PRESSURED             send queue full, or the PSN window would exceed half the PSN space: retry later
 *   BAD_LENGTH                 length < 1, or beyond the queue pair's maximum message length
 *   BAD_BUFFER                 the local buffer is too small for offset + length
 *   QP_ERROR                   the queue pair is in the error state: reset it (and its peer) first
 * </pre>
 * After any error completion the queue pair is in the error state, as an RC queue pair is: every other outstanding
 * request completes FLUSHED, and the peer's queue pair goes to the error state too when it sent or received the NAK.
 */
public final class RoceStatus
{
    public static final int SUCCESS = 0;
    public static final int REMOTE_ACCESS_ERROR = 1;
    public static final int REMOTE_INVALID_REQUEST = 2;
    public static final int REMOTE_OPERATIONAL_ERROR = 3;
    public static final int RETRY_EXCEEDED = 4;
    public static final int FLUSHED = 5;

    /** Submission accepted; it will complete exactly once through the listener. */
    public static final int OK = 0;
    public static final int BACK_PRESSURED = -1;
    public static final int BAD_LENGTH = -2;
    public static final int BAD_BUFFER = -3;
    public static final int QP_ERROR = -4;

    private RoceStatus()
    {
    }

    public static String name(final int status)
    {
        return switch (status)
        {
            case SUCCESS -> "success";
            case REMOTE_ACCESS_ERROR -> "remote-access-error";
            case REMOTE_INVALID_REQUEST -> "remote-invalid-request";
            case REMOTE_OPERATIONAL_ERROR -> "remote-operational-error";
            case RETRY_EXCEEDED -> "retry-exceeded";
            case FLUSHED -> "flushed";
            case BACK_PRESSURED -> "back-pressured";
            case BAD_LENGTH -> "bad-length";
            case BAD_BUFFER -> "bad-buffer";
            case QP_ERROR -> "qp-error";
            default -> "status-" + status;
        };
    }
}
