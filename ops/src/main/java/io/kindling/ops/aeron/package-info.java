/** The host's shared Aeron media driver for the aeron-udp transport. */
package io.kindling.ops.aeron;
