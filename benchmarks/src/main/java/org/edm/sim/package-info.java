/**
 * The rack simulator's input and output: reference traces ({@link org.edm.sim.TraceReader}) and the built-in
 * workload generator ({@link org.edm.sim.WorkloadGenerator}) produce a columnar {@link org.edm.sim.FlowTable}; the
 * simulator core reports each flow's events to a {@link org.edm.sim.FlowRecorder}; {@link org.edm.sim.FlowSummary}
 * turns those into the per-type latency and slowdown statistics, written as text, JSON and a per-flow CSV in the
 * reference simulator's format. {@link org.edm.sim.SimCommand} is the {@code edm sim} command line.
 * <p>
 * Sizes are bytes and times are slots (one block time: 0.64 ns at 100 Gb/s, 2.56 ns at 25 Gb/s) unless a name says
 * otherwise. References of the form {@code edm.c:796-811} point into the EDM authors' netsim (github.com/wegul/EDM,
 * {@code netsimu/src}) and {@code preprocess.py}, {@code flow_generator.cpp} into their trace generator
 * (github.com/wegul/EDM-tracegen); edm-protocol §7 summarises both.
 */
package org.edm.sim;
