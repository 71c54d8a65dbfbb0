/**
 * Kindling's entry point ({@link io.kindling.KindlingSession}) and the small public types around it:
 * tuples, partitioners, broadcasts, accumulators, listeners and exceptions.
 */
package io.kindling;
