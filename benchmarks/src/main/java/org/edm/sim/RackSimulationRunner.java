package org.edm.sim;

import org.agrona.collections.Long2LongHashMap;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;
import org.edm.phy.timing.TimingModel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator core behind {@code edm sim}: builds a {@link RackModel} from the configuration, activates every flow
 * at its start slot, steps the rack slot by slot and jumps over stretches where nothing is in flight, and records every
 * flow's protocol moments in the {@link FlowRecorder}.
 * <p>
 * Memory flows map onto requests one to one, except that a flow longer than the framing's largest message (65,535
 * bytes in the wire framing) is sent as several messages issued together; the flow finishes with its last one. A host
 * refuses requests beyond its outstanding limit; those wait in a per-host backlog and are submitted in order as room
 * appears.
 * <p>
 * <b>Network flows</b> (type 100) are ordinary Ethernet traffic on the same links: the flow's bytes are cut into frames
 * of up to 1500 bytes of payload plus a 14-byte header, which the source host sends in the slots its memory traffic
 * leaves free (memory blocks preempt a frame at block granularity), the switch forwards on its L2 path with the
 * configured L2 latency ({@code --net-switch-delay-ns}) after receiving each frame whole, and the destination host
 * reassembles. The flow is created at its start slot, started when its first frame starts leaving, and finished when
 * its last byte arrives whole; notified and granted do not apply. A frame the switch drops for lack of queue room is
 * sent again at once (an idealised loss signal), so every flow completes.
 * <p>
 * This is deliberately not the reference's network model (a DCTCP-like window of 8-byte packets with ACKs and
 * timeouts, edm-protocol §4.4): what matters to EDM is that memory traffic has strict priority over frames and may
 * preempt them, so that network load does not delay memory messages; the reference's NET flows exist to put that
 * load on the links. Real frames through the real per-port arbiter and L2 path show exactly that, with the code the
 * agents run. Network flows' latencies therefore include frame overheads (preamble, gap, FCS) and two store-and-forward
 * steps that the reference's ideal ({@code size/8 + 32 + 781}) does not, and no congestion control.
 */
public final class RackSimulationRunner implements SimulationRunner
{
    /** Slots between progress reports. */
    private static final long PROGRESS_EVERY = 1L << 16;

    /** The rack a configuration describes. */
    public static RackParameters parameters(final SimConfig config, final int hosts)
    {
        if (config.netsimCompat())
        {
            final RackParameters netsim = RackParameters.netsim(hosts);
            return new RackParameters(hosts, Framing.netsim(), scheduler(config, hosts, Framing.netsim(), 0),
                config.hostOrder(), EgressMode.FIFO, (int)config.propagationSlots(), netsim.maxOutstanding(), false, 0,
                config.netSwitchDelaySlots());
        }
        final TimingModel timing = timing(config);
        final Framing framing = config.framing();
        final EgressMode egress = framing.resumeBlocks() > 0 ? EgressMode.LANES : EgressMode.FIFO;
        return new RackParameters(hosts, framing, scheduler(config, hosts, framing, timing.schedulerSlots()),
            config.hostOrder(), egress, timing.linkSlots(), 4096, true, 0, config.netSwitchDelaySlots());
    }

    /** The timing model of a configuration (calibrated, with its propagation delay). */
    public static TimingModel timing(final SimConfig config)
    {
        return TimingModel.calibrated(config.speed()).withPropagationNs(config.propagationNanos());
    }

    /** The fixed cost the summary adds to every latency in ns: the host PHY term, none in netsim-compatible mode. */
    public static double fixedNanos(final SimConfig config)
    {
        return config.netsimCompat() ? 0 : timing(config).hostPhyNs();
    }

    private static SchedulerConfig scheduler(
        final SimConfig config, final int hosts, final Framing framing, final int delaySlots)
    {
        final int perBlock = framing.dataBytesPerBlock();
        final int chunk = Math.max(1, Math.min(65535, config.chunkBytes() / perBlock));
        return new SchedulerConfig(hosts, chunk, config.releaseBytes() / perBlock, config.maxChunksPerMessage(),
            config.matcher(), config.pimIterations(), delaySlots, 1024);
    }

    public SimResult run(
        final SimConfig config, final FlowTable flows, final FlowRecorder recorder, final ProgressListener progress)
    {
        final int hosts = Math.max(config.hosts(), flows.maxHost() + 1);
        return new Run(config, parameters(config, hosts), flows, recorder, progress).execute();
    }

    /** One simulation: all its state, so the runner itself stays reusable. */
    private static final class Run implements RackListener
    {
        private final SimConfig config;
        private final FlowTable flows;
        private final FlowRecorder recorder;
        private final ProgressListener progress;
        private final RackModel model;
        private final int maxPart;
        private final boolean netsimScoring;
        /**
         * (requester, tag) of a live message -> flow index; removed at the last event that looks it up (a read's
         * first response block, a write's delivery), so it holds live messages only.
         */
        private final Long2LongHashMap messages = new Long2LongHashMap(-1L);
        private final int[] partsLeft;
        private final int[] deliveriesLeft;
        private final boolean[] started;
        private final boolean[] responseCreated;
        /** Per host: FIFO of (flow << 20 | part) waiting for room. */
        private final long[][] backlog;
        private final int[] backlogHead;
        private final int[] backlogTail;
        private int backlogged;
        private int startedFlows;
        private long errors;
        private long slotsSkipped;
        private long splitMessages;

        Run(final SimConfig config, final RackParameters parameters, final FlowTable flows,
            final FlowRecorder recorder, final ProgressListener progress)
        {
            this.config = config;
            this.flows = flows;
            this.recorder = recorder;
            this.progress = progress;
            this.model = new RackModel(parameters, this);
            this.maxPart = parameters.framing().maxLength();
            this.netsimScoring = config.scoring() == ScoringMode.NETSIM;
            partsLeft = new int[flows.size()];
            deliveriesLeft = new int[flows.size()];
            started = new boolean[flows.size()];
            responseCreated = new boolean[flows.size()];
            backlog = new long[parameters.hosts()][16];
            backlogHead = new int[parameters.hosts()];
            backlogTail = new int[parameters.hosts()];
        }

        SimResult execute()
        {
            final long startNanos = System.nanoTime();
            final int flowCount = flows.size();
            final long maxSlots = config.maxSlots();
            int next = 0;
            long slot = flowCount == 0 ? 0 : flows.startSlot(0);
            StopReason reason;
            long nextProgress = slot + PROGRESS_EVERY;
            while (true)
            {
                while (next < flowCount && flows.startSlot(next) <= slot)
                {
                    activate(next++, slot);
                }
                if (backlogged > 0)
                {
                    drainBacklogs(slot);
                }
                model.step(slot);
                if (config.termination() == Termination.ALL_STARTED ?
                    startedFlows == flowCount :
                    recorder.finishedRows() == recorder.rowCount() && model.outstanding() == 0)
                {
                    reason = config.termination() == Termination.ALL_STARTED ?
                        StopReason.ALL_STARTED : StopReason.ALL_COMPLETED;
                    break;
                }
                slot++;
                if (slot >= maxSlots)
                {
                    reason = StopReason.MAX_SLOTS;
                    break;
                }
                if (backlogged == 0 && model.idle())
                {
                    if (next >= flowCount)
                    {
                        reason = StopReason.ALL_COMPLETED;
                        break;
                    }
                    final long target = Math.min(maxSlots - 1, flows.startSlot(next));
                    if (target > slot)
                    {
                        slotsSkipped += target - slot;
                        slot = target;
                    }
                }
                if (slot >= nextProgress)
                {
                    progress.progress(slot, recorder.finishedRows(), recorder.rowCount());
                    nextProgress = slot + PROGRESS_EVERY;
                }
            }
            progress.done(slot + 1, recorder.finishedRows(), recorder.rowCount());
            return new SimResult(slot + 1, reason, System.nanoTime() - startNanos, counters());
        }

        private Map<String, Long> counters()
        {
            final Map<String, Long> counters = new LinkedHashMap<>();
            final var scheduler = model.fabricSwitch().scheduler();
            counters.put("grants", scheduler.grants());
            counters.put("blocksGranted", scheduler.blocksGranted());
            counters.put("matchingRuns", scheduler.matchingRuns());
            counters.put("slotsSkipped", slotsSkipped);
            counters.put("splitMessages", splitMessages);
            counters.put("requestErrors", errors);
            counters.put("switchMalformed", model.fabricSwitch().malformed());
            counters.put("switchUngranted", model.fabricSwitch().ungranted());
            long resumes = 0;
            long hostMalformed = 0;
            long orphanGrants = 0;
            long staleBlocks = 0;
            long outstanding = 0;
            for (int h = 0; h < model.parameters().hosts(); h++)
            {
                final var host = model.host(h);
                resumes += host.resumesSent();
                hostMalformed += host.malformedReceived();
                orphanGrants += host.orphanGrants();
                staleBlocks += host.staleBlocks();
                outstanding += host.outstanding();
            }
            counters.put("resumeAnnouncements", resumes);
            counters.put("hostMalformed", hostMalformed);
            counters.put("orphanGrants", orphanGrants);
            counters.put("staleBlocks", staleBlocks);
            counters.put("outstandingAtEnd", outstanding);
            counters.put("demandAtEnd", (long)scheduler.liveEntries());
            counters.put("netFramesQueued", model.netFramesQueued());
            counters.put("netFramesDelivered", model.netFramesDelivered());
            counters.put("netFramesDropped", model.netFramesDropped());
            counters.put("netStrayFrames", model.netStrayFrames());
            return counters;
        }

        private void activate(final int flow, final long slot)
        {
            recorder.created(flow, slot);
            if (flows.type(flow) == FlowType.NET)
            {
                model.submitNet(flow, flows.src(flow), flows.dst(flow), flows.sizeBytes(flow), slot);
                return;
            }
            final boolean read = flows.type(flow) == FlowType.RREQ;
            final long bytes = read ? flows.rreqBytes(flow) : flows.sizeBytes(flow);
            final int parts = (int)((bytes + maxPart - 1) / maxPart);
            partsLeft[flow] = parts;
            deliveriesLeft[flow] = parts;
            splitMessages += parts > 1 ? parts : 0;
            for (int part = 0; part < parts; part++)
            {
                submitOrQueue(flow, part, slot);
            }
        }

        private void submitOrQueue(final int flow, final int part, final long slot)
        {
            final int src = flows.src(flow);
            if (backlogHead[src] != backlogTail[src] || !submit(flow, part, slot))
            {
                enqueue(src, ((long)flow << 20) | part);
            }
        }

        private boolean submit(final int flow, final int part, final long slot)
        {
            final int src = flows.src(flow);
            final int dst = flows.dst(flow);
            final boolean read = flows.type(flow) == FlowType.RREQ;
            final long bytes = read ? flows.rreqBytes(flow) : flows.sizeBytes(flow);
            final int length = (int)Math.min(maxPart, bytes - (long)part * maxPart);
            final int tag = read ?
                model.submitRead(flow, src, dst, length, slot) : model.submitWrite(flow, src, dst, length, slot);
            if (RackModel.isBackPressure(tag))
            {
                return false;
            }
            if (tag < 0)
            {
                throw new IllegalStateException("flow " + flows.id(flow) + " refused: " + CompletionStatus.name(-tag));
            }
            messages.put(key(src, tag), flow);
            return true;
        }

        private void drainBacklogs(final long slot)
        {
            for (int h = 0; h < backlog.length; h++)
            {
                while (backlogHead[h] != backlogTail[h] && !model.isFull(h))
                {
                    final long item = backlog[h][backlogHead[h] & (backlog[h].length - 1)];
                    if (!submit((int)(item >>> 20), (int)(item & 0xFFFFF), slot))
                    {
                        break;
                    }
                    backlogHead[h]++;
                    backlogged--;
                }
            }
        }

        private void enqueue(final int host, final long item)
        {
            long[] queue = backlog[host];
            if (backlogTail[host] - backlogHead[host] == queue.length)
            {
                final long[] bigger = new long[queue.length * 2];
                for (int i = 0; i < queue.length; i++)
                {
                    bigger[i] = queue[(backlogHead[host] + i) & (queue.length - 1)];
                }
                backlogTail[host] -= backlogHead[host];
                backlogHead[host] = 0;
                backlog[host] = bigger;
                queue = bigger;
            }
            queue[backlogTail[host]++ & (queue.length - 1)] = item;
            backlogged++;
        }

        // ---- rack events -------------------------------------------------------------------------------------------

        public void completed(final long requestId, final int status, final long submitSlot, final long completeSlot)
        {
            final int flow = (int)requestId;
            if (status != CompletionStatus.SUCCESS)
            {
                errors++;
            }
            if (flows.type(flow) == FlowType.NET)
            {
                recorder.finished(flow, completeSlot);
            }
            else if (flows.type(flow) == FlowType.RREQ)
            {
                if (--partsLeft[flow] == 0)
                {
                    final int row = recorder.responseRow(flow);
                    if (responseCreated[flow])
                    {
                        recorder.finished(row, completeSlot);
                    }
                }
            }
        }

        public void notified(final long requestId, final long slot)
        {
            recorder.notified((int)requestId, slot);
        }

        public void granted(final long requestId, final long slot)
        {
            recorder.granted((int)requestId, slot);
        }

        public void started(final long requestId, final long slot)
        {
            final int flow = (int)requestId;
            if (flows.type(flow) == FlowType.RREQ)
            {
                recorder.notified(flow, slot);
            }
            recorder.started(flow, slot);
            if (!started[flow])
            {
                started[flow] = true;
                startedFlows++;
            }
        }

        public void readRequestDelivered(final int requester, final int tag, final long slot)
        {
            final int flow = flowOf(requester, tag);
            if (flow >= 0 && !netsimScoring && --deliveriesLeft[flow] == 0)
            {
                recorder.finished(flow, slot);
            }
        }

        public void responseGranted(final int requester, final int tag, final long slot)
        {
            final int flow = flowOf(requester, tag);
            if (flow < 0 || responseCreated[flow])
            {
                return;
            }
            responseCreated[flow] = true;
            recorder.granted(flow, slot);
            final int row = recorder.responseCreated(flow, slot + 1);
            recorder.granted(row, slot);
            if (netsimScoring)
            {
                recorder.finished(flow, slot);
            }
        }

        public void responseStarted(final int requester, final int tag, final long slot)
        {
            final long value = messages.remove(key(requester, tag));
            if (value >= 0 && responseCreated[(int)value])
            {
                recorder.started(recorder.responseRow((int)value), slot);
            }
        }

        public void writeDelivered(final int requester, final int tag, final long slot)
        {
            final long value = messages.remove(key(requester, tag));
            if (value >= 0 && --deliveriesLeft[(int)value] == 0)
            {
                recorder.finished((int)value, slot);
            }
        }

        private int flowOf(final int requester, final int tag)
        {
            return (int)messages.get(key(requester, tag));
        }

        private static long key(final int requester, final int tag)
        {
            return ((long)requester << 32) | (tag & 0xFFFF_FFFFL);
        }
    }
}
