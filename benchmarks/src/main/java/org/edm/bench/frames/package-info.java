/**
 * The ordinary frames {@code edm bench} sends through the switch's L2 path: the {@link
 * org.edm.bench.frames.BenchFrame} format, the background frame load and its sinks, and the composition of several
 * frame endpoints on one host.
 */
package org.edm.bench.frames;
