/**
 * The actors runtime, the only module that imports Akka: the backend found by ServiceLoader, the driver actors
 * and the node actors.
 */
package io.kindling.actors;
