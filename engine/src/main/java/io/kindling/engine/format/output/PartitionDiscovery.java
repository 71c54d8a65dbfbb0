package io.kindling.engine.format.output;

import io.kindling.KindlingException;
import io.kindling.engine.format.DateTimes;
import io.kindling.engine.format.InferredType;
import io.kindling.engine.fs.FileInfo;
import io.kindling.engine.fs.FileSystemAdapter;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.engine.source.InputPaths;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the files under a directory written with {@code partitionBy} and the partition values in their paths,
 * as Spark's partition discovery does: {@code col=value} directories between the root and each file become
 * columns (after the data columns), each typed by Spark's partition type inference: int, long, decimal (a double
 * in Kindling), double, date ({@code yyyy-MM-dd}), timestamp ({@code yyyy-MM-dd HH:mm:ss[.S]}), else string;
 * {@code __HIVE_DEFAULT_PARTITION__} is null, and a column that is only null has NullType. Types of one column
 * widen across directories (int with double is double, long with double is string, anything with a string is a
 * string). A file's columns are the {@code col=value} directories read upwards from its own: other directories
 * below the first one found are passed over, the first other one above it ends them ({@code x/k=1/y/f} has
 * {@code k}). When no file has partition columns, only the files directly in the root are read, as in Spark
 * (files in plain subdirectories need {@code recursiveFileLookup} there). Hidden files and directories (names
 * starting with {@code _} or {@code .}, except {@code _x=1}) are skipped.
 */
public final class PartitionDiscovery {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

  private PartitionDiscovery() {}

  /** The files found and, per file, its partition values in the order of {@link #schema}. */
  public record Partitions(StructType schema, List<Path> files, List<Object[]> values) {
    public Partitions {
      files = List.copyOf(files);
      values = List.copyOf(values);
    }
  }

  /** The files found under a directory of any file system, and per file its partition values. */
  public record DiscoveredFiles(StructType schema, List<FileInfo> files, List<Object[]> values) {
    public DiscoveredFiles {
      files = List.copyOf(files);
      values = List.copyOf(values);
    }
  }

  /** Lists and parses everything under {@code root} (a directory). */
  public static Partitions discover(Path root, ZoneId zone) {
    List<Path> files = listLeafFiles(root);
    List<List<String>> segments = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    for (Path f : files) {
      List<String> seg = new ArrayList<>();
      for (Path part : root.relativize(f.getParent())) {
        seg.add(part.toString());
      }
      segments.add(seg);
      parents.add(InputPaths.uri(f.getParent()));
    }
    Parsed parsed = parse(segments, parents, zone);
    return new Partitions(parsed.schema(), parsed.kept(files), parsed.kept(parsed.values()));
  }

  /**
   * {@link #discover} for a directory on any file system with an adapter (a local path, {@code hdfs://…}): the
   * files with their sizes and block sizes.
   */
  public static DiscoveredFiles discoverFiles(String root, ZoneId zone) {
    if (FsPaths.isLocal(root)) {
      Partitions local = discover(InputPaths.toPath(root), zone);
      List<FileInfo> infos = new ArrayList<>();
      for (Path f : local.files()) {
        try {
          infos.add(new FileInfo(f.toString(), Files.size(f), false, 0));
        } catch (IOException e) {
          throw new UncheckedIOException("Could not read the size of " + f, e);
        }
      }
      return new DiscoveredFiles(local.schema(), infos, local.values());
    }
    FileSystemAdapter fs = FileSystemAdapters.forPath(root);
    List<FileInfo> files = new ArrayList<>();
    List<List<String>> segments = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    try {
      FileInfo top = fs.status(root).orElseThrow(() -> new KindlingException("Path does not exist: " + root));
      if (!top.directory()) {
        return new DiscoveredFiles(new StructType(), List.of(top), List.<Object[]>of(new Object[0]));
      }
      collect(fs, top.path(), new ArrayList<>(), files, segments, parents);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + root + ": " + e, e);
    }
    Parsed parsed = parse(segments, parents, zone);
    return new DiscoveredFiles(parsed.schema(), parsed.kept(files), parsed.kept(parsed.values()));
  }

  private static void collect(FileSystemAdapter fs, String dir, List<String> below, List<FileInfo> files,
      List<List<String>> segments, List<String> parents) throws IOException {
    for (FileInfo child : fs.list(dir)) {
      String name = child.name();
      if (name.startsWith(".") || name.startsWith("_") && !name.contains("=")) {
        continue;
      }
      if (child.directory()) {
        List<String> deeper = new ArrayList<>(below);
        deeper.add(name);
        collect(fs, child.path(), deeper, files, segments, parents);
      } else {
        files.add(child);
        segments.add(below);
        parents.add(dir);
      }
    }
  }

  /** The columns, each file's values, and which files are read ({@code keep}, by file index). */
  private record Parsed(StructType schema, List<Object[]> values, boolean[] keep) {
    <T> List<T> kept(List<T> all) {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (keep[i]) {
          out.add(all.get(i));
        }
      }
      return out;
    }
  }

  /** The partition columns and values of files whose directories below the root are {@code segments}. */
  private static Parsed parse(List<List<String>> segments, List<String> parents, ZoneId zone) {
    List<String> names = null;
    List<List<String>> raws = new ArrayList<>();
    for (int fi = 0; fi < segments.size(); fi++) {
      List<String> cols = new ArrayList<>();
      List<String> raw = new ArrayList<>();
      List<String> dirs = segments.get(fi);
      for (int d = dirs.size() - 1; d >= 0; d--) {
        String s = dirs.get(d);
        if (s.isEmpty()) {
          continue;
        }
        int eq = s.indexOf('=');
        if (eq < 0) {
          if (cols.isEmpty()) {
            continue;
          }
          break;
        }
        String col = PartitionPaths.unescape(s.substring(0, eq));
        String value = s.substring(eq + 1);
        if (col.isEmpty()) {
          throw new KindlingException("Empty partition column name in '" + s + "'");
        }
        if (value.isEmpty()) {
          throw new KindlingException("Empty partition column value in '" + s + "'");
        }
        cols.add(0, col);
        raw.add(0, value);
      }
      if (names == null) {
        names = cols;
      } else if (!names.equals(cols)) {
        throw new KindlingException("Conflicting directory structures detected. Suspicious paths:\n\t"
            + parents.get(0) + "\n\t" + parents.get(fi)
            + "\nEvery file under a directory must sit at the same depth of col=value directories: read the "
            + "partitioned directories and the others separately.");
      }
      raws.add(raw);
    }
    boolean[] keep = new boolean[segments.size()];
    if (names == null || names.isEmpty()) {
      List<Object[]> none = new ArrayList<>();
      for (int fi = 0; fi < segments.size(); fi++) {
        none.add(new Object[0]);
        keep[fi] = segments.get(fi).stream().allMatch(String::isEmpty);
      }
      return new Parsed(new StructType(), none, keep);
    }
    java.util.Arrays.fill(keep, true);
    int n = names.size();
    InferredType[] types = new InferredType[n];
    java.util.Arrays.fill(types, InferredType.NULL);
    for (List<String> raw : raws) {
      for (int i = 0; i < n; i++) {
        types[i] = wider(types[i], infer(raw.get(i)));
      }
    }
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DataType t = types[i].kind() == InferredType.Kind.NULL ? DataTypes.NullType : types[i].toDataType();
      fields.add(new StructField(names.get(i), t, true));
    }
    StructType schema = new StructType(fields);
    List<Object[]> values = new ArrayList<>();
    for (List<String> raw : raws) {
      Object[] v = new Object[n];
      for (int i = 0; i < n; i++) {
        v[i] = cast(raw.get(i), schema.get(i).dataType(), zone);
      }
      values.add(v);
    }
    return new Parsed(schema, values, keep);
  }

  /** The type Spark infers for one raw (escaped) directory value. */
  static InferredType infer(String raw) {
    if (raw.equals(PartitionPaths.DEFAULT_PARTITION_NAME)) {
      return InferredType.NULL;
    }
    try {
      Integer.parseInt(raw);
      return InferredType.INT;
    } catch (NumberFormatException e) {
      // next
    }
    try {
      Long.parseLong(raw);
      return InferredType.LONG;
    } catch (NumberFormatException e) {
      // next
    }
    try {
      BigDecimal d = new BigDecimal(raw);
      InferredType t = d.scale() <= 0 ? InferredType.decimal(d.precision() + Math.max(0, -d.scale()), 0) : null;
      if (t != null) {
        return t;
      }
    } catch (NumberFormatException e) {
      // next
    }
    try {
      Double.parseDouble(raw);
      return InferredType.DOUBLE;
    } catch (NumberFormatException e) {
      // next
    }
    String text = PartitionPaths.unescape(raw);
    if (TIMESTAMP.matcher(text).matches() && DateTimes.stringToTimestamp(text, ZoneId.of("UTC")) != DateTimes.FAIL) {
      return InferredType.TIMESTAMP;
    }
    if (DATE.matcher(text).matches() && DateTimes.stringToDate(text) != DateTimes.FAIL) {
      return InferredType.DATE;
    }
    return InferredType.STRING;
  }

  /** Spark's {@code findWiderTypeForPartitionColumn}. */
  static InferredType wider(InferredType a, InferredType b) {
    InferredType.Kind x = a.kind();
    InferredType.Kind y = b.kind();
    if (x == InferredType.Kind.DOUBLE && (y == InferredType.Kind.DECIMAL || y == InferredType.Kind.LONG)
        || y == InferredType.Kind.DOUBLE && (x == InferredType.Kind.DECIMAL || x == InferredType.Kind.LONG)) {
      return InferredType.STRING;
    }
    InferredType t = InferredType.tightest(a, b);
    if (t != null) {
      return t;
    }
    InferredType c = InferredType.csvCompatible(a, b);
    return c.kind() == InferredType.Kind.DECIMAL ? c : InferredType.STRING;
  }

  private static Object cast(String raw, DataType type, ZoneId zone) {
    if (raw.equals(PartitionPaths.DEFAULT_PARTITION_NAME)) {
      return null;
    }
    String text = PartitionPaths.unescape(raw);
    if (type.equals(DataTypes.IntegerType)) {
      return Integer.parseInt(text);
    }
    if (type.equals(DataTypes.LongType)) {
      return Long.parseLong(text);
    }
    if (type.equals(DataTypes.DoubleType)) {
      return Double.parseDouble(text);
    }
    if (type.equals(DataTypes.DateType)) {
      return LocalDate.ofEpochDay(DateTimes.stringToDate(text));
    }
    if (type.equals(DataTypes.TimestampType)) {
      return DateTimes.toLocalDateTime(DateTimes.stringToTimestamp(text, zone));
    }
    return text;
  }

  /** The data files under {@code root}, sorted, skipping hidden names as Spark does. */
  public static List<Path> listLeafFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of(root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !hiddenBetween(root, p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + root, e);
    }
  }

  private static boolean hiddenBetween(Path root, Path file) {
    for (Path seg : root.relativize(file)) {
      String s = seg.toString();
      if (s.startsWith(".") || s.startsWith("_") && !s.contains("=")) {
        return true;
      }
    }
    return false;
  }
}
