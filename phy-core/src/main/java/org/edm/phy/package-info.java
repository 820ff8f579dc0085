/**
 * The EDM protocol as pure, deterministic, slot-driven state machines. Nothing here reads a clock, starts a thread or
 * does I/O: time is a slot number handed in by the caller, so the same objects run inside the real-time agents and
 * inside the slot-accurate simulator.
 */
package org.edm.phy;
