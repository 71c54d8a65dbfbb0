/** The engine's implementation of the data I/O SPI. */
package io.kindling.engine.io;
