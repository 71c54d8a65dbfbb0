package io.kindling.actors.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serialized lineage of the session's running jobs, kept on the driver so that a worker that joins in the
 * middle of a job (or a node proxy created after the job registered its lineage) can be sent it once before
 * its first partition of that job.
 */
final class LineageRegistry {
  private final Map<Long, byte[]> payloads = new ConcurrentHashMap<>();

  void register(long jobId, byte[] payload) {
    payloads.put(jobId, payload);
  }

  byte[] payload(long jobId) {
    return payloads.get(jobId);
  }

  void forget(long jobId) {
    payloads.remove(jobId);
  }
}
