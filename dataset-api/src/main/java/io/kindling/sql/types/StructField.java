package io.kindling.sql.types;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** One named, typed field of a {@link StructType}. */
public record StructField(String name, DataType dataType, boolean nullable) implements Serializable {

  public StructField {
    requireNonNull(name, "name is null");
    requireNonNull(dataType, "dataType is null");
  }

  /** A nullable field. */
  public StructField(String name, DataType dataType) {
    this(name, dataType, true);
  }

  /** Spark's text: {@code StructField(a,IntegerType,true)}. */
  @Override
  public String toString() {
    return "StructField(" + name + "," + dataType + "," + nullable + ")";
  }
}
