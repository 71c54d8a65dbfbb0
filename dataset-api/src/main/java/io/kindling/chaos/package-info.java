/**
 * Fault injection: kill partition actors, drop or corrupt cached blocks, drop shuffle outputs, fail or slow
 * partitions, on purpose or on a seeded random schedule; every job must still finish with the same answer.
 * Reach it through {@code session.faults()}.
 */
package io.kindling.chaos;
