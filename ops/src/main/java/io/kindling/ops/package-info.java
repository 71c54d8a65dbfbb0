/**
 * Operations: the {@code kindling} command line (start a worker, submit an application, cluster status, leave,
 * test certificates, the shared Aeron media driver). {@code bin/kindling} runs it.
 */
package io.kindling.ops;
