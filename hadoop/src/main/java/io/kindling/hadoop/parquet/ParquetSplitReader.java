package io.kindling.hadoop.parquet;

import io.kindling.KindlingException;
import io.kindling.engine.format.ExternalFormat;
import io.kindling.engine.format.RowConsumer;
import io.kindling.engine.format.ScanFilter;
import io.kindling.engine.source.FileSplit;
import io.kindling.engine.source.InputPaths;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.StructField;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.compat.RowGroupFilter;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads one split of a Parquet file into a {@link RowConsumer}: the row groups whose midpoint lies in the split
 * (as parquet-mr and Spark assign them, so each row group is read by exactly one split), only the columns of the
 * required schema (column pruning), and only the row groups that the pushed filters can't rule out by their
 * statistics or dictionaries. Rows of a row group that is read are all returned: the caller still applies its
 * filters. Columns are matched by name (exactly, else ignoring case when that is unambiguous, as Spark does); a
 * required column the file lacks reads as null. Counts the row groups it read and skipped, for tests and
 * metrics. Not thread-safe.
 */
public final class ParquetSplitReader implements ExternalFormat.SplitReader {
  private final StructType required;
  private final List<ScanFilter> filters;
  private final Zones zones;
  private long rowGroupsRead;
  private long rowGroupsSkipped;

  /**
   * @param dataSchema the columns of the data (every required column must be one of them)
   * @param requiredSchema the columns to produce; consumer column {@code i} is field {@code i}
   * @param filters pushed filters, used to skip row groups
   */
  public ParquetSplitReader(StructType dataSchema, StructType requiredSchema, List<ScanFilter> filters,
      ParquetOptions options) {
    for (StructField f : requiredSchema) {
      if (dataSchema.indexOf(f.name()) < 0) {
        throw new KindlingException("Required column '" + f.name() + "' is not in the Parquet data schema "
            + dataSchema.simpleString());
      }
    }
    this.required = requiredSchema;
    this.filters = List.copyOf(filters);
    this.zones = new Zones(options.zone());
  }

  /** Row groups read so far (by every split this reader read). */
  @Override
  public long rowGroupsRead() {
    return rowGroupsRead;
  }

  /** Row groups of the splits read so far that the filters ruled out. */
  @Override
  public long rowGroupsSkipped() {
    return rowGroupsSkipped;
  }

  @Override
  public long read(FileSplit split, RowConsumer out) {
    ParquetReadOptions options = ParquetReadOptions.builder()
        .withRange(split.start(), split.end())
        .useStatsFilter(true)
        .useDictionaryFilter(true)
        .useRecordFilter(false)
        .useColumnIndexFilter(false)
        .build();
    try (ParquetFileReader reader = ParquetFileReader.open(new AdapterInputFile(split.path()), options)) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      List<BlockMetaData> blocks = reader.getRowGroups();
      Set<BlockMetaData> kept = new HashSet<>(keptRowGroups(reader, fileSchema, blocks));
      if (kept.isEmpty()) {
        rowGroupsSkipped += blocks.size();
        return 0;
      }
      Projection p = project(fileSchema, split.path());
      reader.setRequestedSchema(p.requested());
      MessageColumnIO io = new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
          .getColumnIO(p.requested(), fileSchema, true);
      RowConverter root = new RowConverter(p.requested(), p.columns(), p.missing(), out, zones);
      long rows = 0;
      for (int i = 0; i < blocks.size(); i++) {
        if (!kept.contains(blocks.get(i))) {
          rowGroupsSkipped++;
          continue;
        }
        PageReadStore pages = reader.readRowGroup(i);
        rowGroupsRead++;
        long count = pages.getRowCount();
        if (p.requested().getFieldCount() == 0) {
          // No column of the file is needed (count(*), or only missing columns): the rows still count.
          for (long r = 0; r < count; r++) {
            for (int c : p.missing()) {
              out.setNull(c);
            }
            out.endRow();
          }
        } else {
          RecordReader<Object> records = io.getRecordReader(pages, root.materializer(), FilterCompat.NOOP);
          for (long r = 0; r < count; r++) {
            records.read();
          }
        }
        rows += count;
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read Parquet file " + InputPaths.uri(split.path()) + ": " + e, e);
    } catch (RuntimeException e) {
      if (e instanceof KindlingException) {
        throw e;
      }
      throw new KindlingException("Could not read Parquet file " + InputPaths.uri(split.path()) + ": " + e, e);
    }
  }

  private List<BlockMetaData> keptRowGroups(ParquetFileReader reader, MessageType fileSchema,
      List<BlockMetaData> blocks) {
    FilterPredicate predicate = new ParquetFilters(fileSchema, zones).translate(filters);
    if (predicate == null || blocks.isEmpty()) {
      return blocks;
    }
    return RowGroupFilter.filterRowGroups(List.of(RowGroupFilter.FilterLevel.STATISTICS,
        RowGroupFilter.FilterLevel.DICTIONARY), FilterCompat.get(predicate), blocks, reader);
  }

  /** The file's fields to read, in required order, and where each goes. */
  private record Projection(MessageType requested, int[] columns, int[] missing) {}

  private Projection project(MessageType fileSchema, String path) {
    List<Type> fields = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < required.size(); i++) {
      StructField want = required.get(i);
      Type found = find(fileSchema, want.name(), path);
      if (found == null) {
        missing.add(i);
        continue;
      }
      DataType has = found.isRepetition(Type.Repetition.REPEATED)
          ? new ArrayType(ParquetSchemas.typeOf(found, want.name()), false)
          : ParquetSchemas.typeOf(found, want.name());
      if (!sameIgnoringNullability(has, want.dataType())) {
        throw new KindlingException("Parquet column `" + found.getName() + "` in " + InputPaths.uri(path)
            + " has the type " + has.sql() + ", but the schema read asks for " + want.dataType().sql()
            + ": read it with its own type (or turn on mergeSchema to see every file's columns)");
      }
      fields.add(found);
      columns.add(i);
    }
    return new Projection(new MessageType(fileSchema.getName(), fields),
        columns.stream().mapToInt(Integer::intValue).toArray(),
        missing.stream().mapToInt(Integer::intValue).toArray());
  }

  private static Type find(MessageType schema, String name, String path) {
    if (schema.containsField(name)) {
      return schema.getType(name);
    }
    Type match = null;
    for (Type t : schema.getFields()) {
      if (t.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        if (match != null) {
          throw new KindlingException("Found duplicate field(s) \"" + name + "\": [" + match.getName() + ", "
              + t.getName() + "] in case-insensitive mode, in " + InputPaths.uri(path));
        }
        match = t;
      }
    }
    return match;
  }

  static boolean sameIgnoringNullability(DataType a, DataType b) {
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return sameIgnoringNullability(x.elementType(), y.elementType());
    }
    if (a instanceof StructType x && b instanceof StructType y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!x.get(i).name().equals(y.get(i).name())
            || !sameIgnoringNullability(x.get(i).dataType(), y.get(i).dataType())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
