package io.kindling.engine.serial;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.storage.StorageLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Serializes a job payload with the lineage behind each persisted dataset written apart, as a
 * {@link DeferredLineageNode} that a task decodes only if it has to compute that dataset.
 *
 * <p>A persisted dataset's lineage is serialized once, by the first job that needs it, and the bytes are reused by
 * the following jobs (an iterative algorithm submits one job after another over the same cached dataset): a block
 * lost later is then recomputed with the functions and captured values its siblings were cached with.
 *
 * <p>When a deferred lineage and the rest of the payload (or two deferred lineages) share an object, decoding them
 * apart would give a task two copies where it had one, so the payload is then written whole, as one object graph.
 */
final class DeferringEncoder {
  /** Each persisted dataset's deferred lineage, for as long as the dataset is reachable. */
  private static final Map<LineageNode<?>, Deferred> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<Integer, StorageLevel> persisted;
  /** Every mutable object written so far, with the stream that wrote it. */
  private final Map<Object, Integer> writtenBy = new IdentityHashMap<>();
  private int streams;
  private boolean shared;

  /** A dataset's lineage, serialized; {@code objects}: the mutable objects written (the dataset itself excepted). */
  private record Deferred(byte[] bytes, List<Object> objects) {}

  private DeferringEncoder(Map<Integer, StorageLevel> persisted) {
    this.persisted = persisted;
  }

  /** {@code payload}'s bytes, persisted datasets deferred where that keeps every object in one copy. */
  static byte[] encode(JobPayload payload) throws IOException {
    if (payload.persisted().isEmpty()) {
      return whole(payload);
    }
    DeferringEncoder encoder = new DeferringEncoder(payload.persisted());
    byte[] bytes = encoder.writeStream(payload, null, null);
    return encoder.shared ? whole(payload) : bytes;
  }

  static byte[] whole(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes {@code root} as one stream; {@code self} is the persisted dataset it is the deferred lineage of, and
   * {@code objects} (when not null) collects what it and its own deferred lineages wrote.
   */
  private byte[] writeStream(Object root, LineageNode<?> self, List<Object> objects) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (Stream out = new Stream(bytes, streams++, self, objects)) {
      out.writeObject(root);
    }
    return bytes.toByteArray();
  }

  private DeferredLineageNode<?> defer(LineageNode<?> node, List<Object> outer) throws IOException {
    Deferred deferred = CACHE.get(node);
    if (deferred == null) {
      List<Object> objects = new ArrayList<>();
      byte[] bytes = writeStream(node, node, objects);
      deferred = new Deferred(bytes, List.copyOf(objects));
      if (!shared) {
        CACHE.put(node, deferred);
      }
    } else {
      int stream = streams++;
      for (Object o : deferred.objects()) {
        claim(o, stream);
      }
    }
    if (outer != null) {
      outer.addAll(deferred.objects());
    }
    return new DeferredLineageNode<>(node, deferred.bytes());
  }

  private void claim(Object obj, int stream) {
    Integer previous = writtenBy.putIfAbsent(obj, stream);
    if (previous != null && previous != stream) {
      shared = true;
    }
  }

  private boolean deferrable(Object obj, LineageNode<?> self) {
    if (!(obj instanceof LineageNode<?> node) || node == self || node instanceof DeferredLineageNode) {
      return false;
    }
    StorageLevel level = persisted.get(node.id());
    return level != null && level != StorageLevel.NONE;
  }

  /** Values whose copies are as good as the original: strings, boxed primitives, enum constants. */
  private static boolean immutable(Object obj) {
    return obj instanceof String || obj instanceof Enum<?> || obj instanceof Boolean || obj instanceof Character
        || obj instanceof Integer || obj instanceof Long || obj instanceof Double || obj instanceof Float
        || obj instanceof Short || obj instanceof Byte;
  }

  private final class Stream extends ObjectOutputStream {
    private final int id;
    private final LineageNode<?> self;
    private final List<Object> objects;

    Stream(OutputStream out, int id, LineageNode<?> self, List<Object> objects) throws IOException {
      super(out);
      this.id = id;
      this.self = self;
      this.objects = objects;
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) throws IOException {
      if (shared) {
        // Written whole anyway: only finish this stream.
        return obj;
      }
      if (deferrable(obj, self)) {
        return defer((LineageNode<?>) obj, objects);
      }
      if (!immutable(obj)) {
        claim(obj, id);
        // The dataset itself is left out: the cache would otherwise keep its own key alive.
        if (objects != null && obj != self) {
          objects.add(obj);
        }
      }
      return obj;
    }
  }
}
