package org.edm.nativeio.socket;

/** The errno of a port's last failed system call, shared by its receive and send halves; single writer. */
public final class LastErrno
{
    private volatile int value;

    public int get()
    {
        return value;
    }

    public void set(final int errno)
    {
        value = errno;
    }
}
