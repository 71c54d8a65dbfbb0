package io.kindling.sql.types;

import java.io.ObjectStreamException;

/** A type without parameters; each is a singleton in {@link DataTypes}. */
public final class AtomicType extends DataType {
  private static final long serialVersionUID = 1L;

  private final String className;
  private final String typeName;
  private final String simpleString;
  private final boolean numeric;

  AtomicType(String className, String typeName, String simpleString, boolean numeric) {
    this.className = className;
    this.typeName = typeName;
    this.simpleString = simpleString;
    this.numeric = numeric;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public String simpleString() {
    return simpleString;
  }

  @Override
  public boolean isNumeric() {
    return numeric;
  }

  /** Spark's name for the type object: {@code IntegerType}. */
  @Override
  public String toString() {
    return className;
  }

  private Object readResolve() throws ObjectStreamException {
    return DataTypes.atomic(className);
  }
}
