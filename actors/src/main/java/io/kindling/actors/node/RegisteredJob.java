package io.kindling.actors.node;

import io.kindling.engine.serial.ClosureSerializer;
import io.kindling.engine.serial.JobPayload;

/**
 * A job's lineage as registered on a node: the serialized payload, decoded once, on the first compute thread
 * that needs it (decoding runs user classes' deserialization, which may be slow: never on a dispatcher).
 */
final class RegisteredJob {
  private final byte[] bytes;
  private volatile JobPayload decoded;

  RegisteredJob(byte[] bytes) {
    this.bytes = bytes;
  }

  JobPayload payload() {
    JobPayload p = decoded;
    if (p == null) {
      synchronized (this) {
        p = decoded;
        if (p == null) {
          p = ClosureSerializer.decode(bytes);
          decoded = p;
        }
      }
    }
    return p;
  }
}
