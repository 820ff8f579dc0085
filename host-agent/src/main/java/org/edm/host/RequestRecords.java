package org.edm.host;

/**
 * Records exchanged between an application thread and the host agent over a session's two single-producer rings
 * (Agrona {@code OneToOneRingBuffer}, native byte order). The ring's own record header carries the message type.
 * <pre>
 *  request (type READ = 1 or WRITE = 2), 40 bytes
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  request id (64), the session's               |
 *  +---------------------------------------------------------------+
 *  |                  remote address (64)                          |
 *  +---------------------------------------------------------------+
 *  |                  local buffer address (64), native memory     |
 *  +---------------------------------------------------------------+
 *  |                  node (32)                                    |
 *  +---------------------------------------------------------------+
 *  |                  region key (32)                              |
 *  +---------------------------------------------------------------+
 *  |                  length (32)                                  |
 *  +---------------------------------------------------------------+
 *  |                  reserved (32)                                |
 *  +---------------------------------------------------------------+
 *
 *  completion (type COMPLETION = 3), 16 bytes
 *  +---------------------------------------------------------------+
 *  |                  request id (64)                              |
 *  +---------------------------------------------------------------+
 *  |                  status (32), a CompletionStatus code         |
 *  +---------------------------------------------------------------+
 *  |                  reserved (32)                                |
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class RequestRecords
{
    static final int READ = 1;
    static final int WRITE = 2;
    static final int COMPLETION = 3;

    static final int REQUEST_ID_OFFSET = 0;
    static final int ADDRESS_OFFSET = 8;
    static final int BUFFER_OFFSET = 16;
    static final int NODE_OFFSET = 24;
    static final int KEY_OFFSET = 28;
    static final int LENGTH_OFFSET = 32;
    static final int REQUEST_LENGTH = 40;

    static final int STATUS_OFFSET = 8;
    static final int COMPLETION_LENGTH = 16;

    private RequestRecords()
    {
    }
}
