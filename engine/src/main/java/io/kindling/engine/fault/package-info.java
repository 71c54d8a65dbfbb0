/**
 * Fault injection on a node: the faults armed through {@code session.faults()} and the seeded random schedule,
 * fired where the work they target runs (a task starting, a partition being computed, a cached block read).
 */
package io.kindling.engine.fault;
