package io.kindling.actors.cluster;

import static java.util.Objects.requireNonNull;

/**
 * One batch of serialized records (about 1 MiB) of a stream between nodes: a shuffle block being fetched, a
 * cached block being moved, or a large task result. The bytes are already in the record format of whoever
 * wrote them; {@link DataBatchSerializer} puts them on the wire as they are, and they travel on Artery's
 * large-message stream.
 *
 * @param streamId the transfer this batch belongs to, unique for its receiver
 * @param sequence 0, 1, 2… within the stream
 * @param last true on the stream's final batch
 */
public record DataBatch(long streamId, int sequence, boolean last, byte[] bytes) implements BlockFetcher.Command {
  public DataBatch {
    requireNonNull(bytes, "bytes is null");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative: " + sequence);
    }
  }
}
