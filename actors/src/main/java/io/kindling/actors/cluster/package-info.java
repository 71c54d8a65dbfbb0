/**
 * Cluster mode: the Akka Cluster (Artery) setup of drivers and workers, the worker's front door
 * ({@link io.kindling.actors.cluster.WorkerAgent}), the driver's view of live workers
 * ({@link io.kindling.actors.cluster.ClusterView}), and the wire formats of messages that cross the network.
 */
package io.kindling.actors.cluster;
