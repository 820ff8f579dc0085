/**
 * JMH microbenchmarks of the hot paths. Scores are per operation as the class comments define it (for example
 * blocks per second), every benchmark forks with {@code -Dagrona.disable.bounds.checks=true}, and allocation is
 * checked with {@code -prof gc}. Run them on a quiet machine; short runs on a shared one are sanity checks only.
 */
package org.edm.bench.jmh;
