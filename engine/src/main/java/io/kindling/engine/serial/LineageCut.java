package io.kindling.engine.serial;

import io.kindling.KindlingException;
import io.kindling.internal.JavaSerialization.ContextObjectInputStream;
import io.kindling.internal.lineage.LineageNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.function.UnaryOperator;

/**
 * A copy of a lineage graph in which some nodes are replaced, wherever they occur: how checkpointed datasets cut
 * the lineage of later jobs (lineage nodes are immutable, and children hold their parents). The copy is made by
 * serializing with the replacements applied, so nothing behind a replaced node is copied, planned or shipped.
 */
public final class LineageCut {
  private LineageCut() {}

  /** {@code root} with every node {@code n} replaced by {@code replacement.apply(n)}. */
  @SuppressWarnings("unchecked")
  public static <T> LineageNode<T> cut(LineageNode<T> root, UnaryOperator<LineageNode<?>> replacement) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (ReplacingOutputStream out = new ReplacingOutputStream(bytes, replacement)) {
      out.writeObject(root);
    } catch (IOException e) {
      throw new KindlingException("Task not serializable: " + e, e);
    }
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (LineageNode<T>) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new KindlingException("Could not copy the lineage of " + root.describe() + ": " + e, e);
    }
  }

  private static final class ReplacingOutputStream extends ObjectOutputStream {
    private final UnaryOperator<LineageNode<?>> replacement;

    ReplacingOutputStream(OutputStream out, UnaryOperator<LineageNode<?>> replacement) throws IOException {
      super(out);
      this.replacement = replacement;
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) {
      return obj instanceof LineageNode<?> node ? replacement.apply(node) : obj;
    }
  }
}
