package io.kindling.engine.format;

import io.kindling.KindlingException;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a read or write, as given to {@code DataFrameReader.option(..)}: names are case-insensitive
 * (as in Spark), values are strings. Unknown names are kept and ignored, as Spark does. Immutable.
 */
public final class FormatOptions implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final FormatOptions EMPTY = new FormatOptions(Map.of());

  private final Map<String, String> byLowerName;
  private final Map<String, String> original;

  private FormatOptions(Map<String, String> options) {
    Map<String, String> lower = new LinkedHashMap<>();
    Map<String, String> orig = new LinkedHashMap<>();
    options.forEach((k, v) -> {
      if (k == null || v == null) {
        throw new KindlingException("Option names and values must not be null: " + k + "=" + v);
      }
      lower.put(k.toLowerCase(Locale.ROOT), v);
      orig.put(k, v);
    });
    this.byLowerName = Collections.unmodifiableMap(lower);
    this.original = Collections.unmodifiableMap(orig);
  }

  public static FormatOptions of(Map<String, String> options) {
    return new FormatOptions(options);
  }

  /** Options from alternating names and values: {@code of("header", "true", "sep", ";")}. */
  public static FormatOptions of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new FormatOptions(m);
  }

  public static FormatOptions empty() {
    return EMPTY;
  }

  /** A copy with one more option (replacing one of the same name in any case). */
  public FormatOptions with(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    original.forEach((k, v) -> {
      if (!k.equalsIgnoreCase(name)) {
        m.put(k, v);
      }
    });
    m.put(name, value);
    return new FormatOptions(m);
  }

  public boolean contains(String name) {
    return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }

  public String get(String name, String defaultValue) {
    return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), defaultValue);
  }

  /** The first of several alias names that is set ({@code sep} or {@code delimiter}). */
  public Optional<String> getAny(String... names) {
    for (String n : names) {
      Optional<String> v = get(n);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** {@code true}/{@code false} in any case; anything else fails naming the option, as Spark does. */
  public boolean getBoolean(String name, boolean defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    String s = v.get().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    throw new KindlingException(name + " flag can be true or false, got '" + v.get() + "'");
  }

  public int getInt(String name, int defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.get().trim());
    } catch (NumberFormatException e) {
      throw new KindlingException(name + " should be an integer. Found '" + v.get() + "'");
    }
  }

  public double getDouble(String name, double defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(v.get().trim());
    } catch (NumberFormatException e) {
      throw new KindlingException(name + " should be a number. Found '" + v.get() + "'");
    }
  }

  /**
   * Fails with a clear error when {@code name} is set to anything but {@code supportedValue} (compared without
   * case): for Spark options Kindling accepts only in their default form.
   */
  public void requireDefault(String format, String name, String supportedValue, String why) {
    Optional<String> v = get(name);
    if (v.isPresent() && !v.get().trim().equalsIgnoreCase(supportedValue)) {
      throw new KindlingException("The " + format + " option '" + name + "' = '" + v.get()
          + "' is not supported by Kindling (only '" + supportedValue + "'): " + why);
    }
  }

  /** The options as given, names in their original case. */
  public Map<String, String> asMap() {
    return original;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormatOptions f && f.byLowerName.equals(byLowerName);
  }

  @Override
  public int hashCode() {
    return byLowerName.hashCode();
  }

  @Override
  public String toString() {
    return original.toString();
  }
}
