/** Heap size estimates, for the memory budgets of cached blocks and of shuffle combine and sort buffers. */
package io.kindling.engine.memory;
