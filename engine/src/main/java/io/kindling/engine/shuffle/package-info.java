/** The engine's view of shuffles: the service a node writes map outputs to and reads reduce inputs from. */
package io.kindling.engine.shuffle;
