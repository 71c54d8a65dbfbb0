package io.kindling.internal;

import io.kindling.KindlingException;
import java.io.IOException;
import java.io.Serializable;

/**
 * The zero value of a fold or aggregate, kept serialized so that every partition (and the driver's final
 * merge) starts from its own copy, as in Spark: a mutable zero value such as a list or a set is then safe to
 * update in place, and the caller's object is never modified.
 */
public final class ZeroValue<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] bytes;

  private ZeroValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Serializes {@code value} now; fails naming its class if it can't be. */
  public static <T> ZeroValue<T> of(T value, String operation) {
    try {
      return new ZeroValue<>(JavaSerialization.toBytes(value));
    } catch (IOException e) {
      throw new KindlingException("Task not serializable: the zero value passed to " + operation + " (class "
          + value.getClass().getName() + ") is not java.io.Serializable: " + e.getMessage()
          + ". Use a serializable zero value.", e);
    }
  }

  /** A fresh copy of the zero value. */
  @SuppressWarnings("unchecked")
  public T copy() {
    try {
      return (T) JavaSerialization.fromBytes(bytes);
    } catch (IOException | ClassNotFoundException e) {
      throw new KindlingException("Could not copy a zero value: " + e, e);
    }
  }
}
