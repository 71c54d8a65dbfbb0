/**
 * The service-provider interface between the public API and an execution backend (the actors runtime),
 * found with {@link java.util.ServiceLoader}.
 */
package io.kindling.spi;
