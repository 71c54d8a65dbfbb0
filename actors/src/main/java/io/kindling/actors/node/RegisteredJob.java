package io.kindling.actors.node;

import io.kindling.engine.serial.ClosureSerializer;
import io.kindling.engine.serial.JobPayload;

/**
 * A job's lineage as registered on a node: the serialized payload, sent once per node. Each task attempt
 * decodes its own copy on its compute thread, as Spark deserializes each task: captured objects (a mutable
 * buffer, a non-thread-safe formatter) are then never shared between partitions running at once, and
 * decoding (user classes' deserialization) never runs on a dispatcher.
 */
final class RegisteredJob {
  private final byte[] bytes;

  RegisteredJob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A fresh copy of the payload, for one task attempt. */
  JobPayload payload() {
    return ClosureSerializer.decode(bytes);
  }
}
