package io.kindling.actors.cluster;

/**
 * Marks a control message that crosses the network: bound to Akka's Jackson CBOR serializer in
 * {@code reference.conf} (Java serialization is off in cluster mode). Data batches are not control messages:
 * they travel as {@link DataBatch}, with their own serializer.
 */
public interface ClusterMessage {}
