/**
 * The node side of the runtime: the NodeSupervisor that registers lineage and supervises PartitionActors, and
 * the compute pool they run tasks on.
 */
package io.kindling.actors.node;
