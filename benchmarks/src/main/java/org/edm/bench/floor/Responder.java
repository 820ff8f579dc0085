package org.edm.bench.floor;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;

/**
 * The far side of the ping-pong on one thread: an L2 forwarder over the switch ports (destination MAC looked up in a
 * fixed table, frame copied into the egress port's claim) and the echo host (swaps the MACs and sends the frame back).
 * Polling all ports from one loop keeps the measurement at two busy threads on a two-core machine.
 */
final class Responder implements Runnable
{
    private final FramePort[] switchPorts;
    private final long[] macs;
    private final FramePort echo;
    private final long echoMac;
    private final IdleStrategy idle;
    private final boolean[] dirty;
    private final FrameHandler forward = this::forward;
    private final FrameHandler reflect = this::reflect;
    private volatile boolean running = true;
    long forwarded;
    long unknownDestination;
    long echoed;
    long txFailures;

    Responder(final FloorPorts ports, final IdleStrategy idle)
    {
        this.switchPorts = ports.switchPorts;
        this.macs = ports.macs;
        this.echo = ports.echo;
        this.echoMac = ports.echoMac;
        this.idle = idle;
        this.dirty = new boolean[switchPorts.length];
    }

    void stop()
    {
        running = false;
    }

    public void run()
    {
        while (running)
        {
            int work = 0;
            for (final FramePort port : switchPorts)
            {
                work += Math.max(0, port.poll(forward, 32));
            }
            for (int i = 0; i < dirty.length; i++)
            {
                if (dirty[i])
                {
                    dirty[i] = false;
                    switchPorts[i].flush();
                }
            }
            final int echoes = echo.poll(reflect, 32);
            if (echoes > 0)
            {
                echo.flush();
                work += echoes;
            }
            idle.idle(work);
        }
    }

    private void forward(final DirectBuffer buffer, final int offset, final int length)
    {
        final long destination = Macs.read(buffer, offset);
        for (int i = 0; i < macs.length; i++)
        {
            if (macs[i] == destination)
            {
                final FramePort out = switchPorts[i];
                final int at = out.tryClaim(length);
                if (at < 0)
                {
                    txFailures++;
                    return;
                }
                out.txBuffer().putBytes(at, buffer, offset, length);
                out.commit(length);
                dirty[i] = true;
                forwarded++;
                return;
            }
        }
        unknownDestination++;
    }

    private void reflect(final DirectBuffer buffer, final int offset, final int length)
    {
        final int at = echo.tryClaim(length);
        if (at < 0)
        {
            txFailures++;
            return;
        }
        final MutableDirectBuffer out = echo.txBuffer();
        out.putBytes(at, buffer, offset, length);
        Macs.write(out, at, Macs.read(buffer, offset + 6));
        Macs.write(out, at + 6, echoMac);
        echo.commit(length);
        echoed++;
    }
}
