package io.kindling.sql.types;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** A column of arrays whose elements have {@link #elementType()}. */
public final class ArrayType extends DataType {
  private static final long serialVersionUID = 1L;

  private final DataType elementType;
  private final boolean containsNull;

  public ArrayType(DataType elementType, boolean containsNull) {
    this.elementType = requireNonNull(elementType, "elementType is null");
    this.containsNull = containsNull;
  }

  public DataType elementType() {
    return elementType;
  }

  public boolean containsNull() {
    return containsNull;
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public String simpleString() {
    return "array<" + elementType.simpleString() + ">";
  }

  @Override
  public String sql() {
    return "ARRAY<" + elementType.sql() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayType a && a.elementType.equals(elementType) && a.containsNull == containsNull;
  }

  @Override
  public int hashCode() {
    return Objects.hash(elementType, containsNull);
  }

  @Override
  public String toString() {
    return "ArrayType(" + elementType + "," + containsNull + ")";
  }
}
