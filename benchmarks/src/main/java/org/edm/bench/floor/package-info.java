/** {@code edm floor}: the raw-frame ping-pong and frame-rate floor measured through the project's own ports. */
package org.edm.bench.floor;
