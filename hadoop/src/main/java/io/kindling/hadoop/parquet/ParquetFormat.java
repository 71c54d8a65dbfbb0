package io.kindling.hadoop.parquet;

import io.kindling.KindlingException;
import io.kindling.engine.format.ExternalFormat;
import io.kindling.engine.format.FormatOptions;
import io.kindling.engine.format.RecordWriter;
import io.kindling.engine.format.ScanFilter;
import io.kindling.engine.source.InputPaths;
import io.kindling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * The {@code parquet} format for DataFrames (registered for {@link ExternalFormat#find}): schema from the footers
 * (of the first file, or of all files merged with {@code mergeSchema}, as Spark does), {@link ParquetSplitReader}
 * and {@link ParquetRecordWriter}.
 */
public final class ParquetFormat implements ExternalFormat {

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public StructType inferSchema(List<String> files, FormatOptions options) {
    ParquetOptions parsed = ParquetOptions.from(options);
    if (files.isEmpty()) {
      throw new KindlingException("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet. It must be "
          + "specified manually.");
    }
    StructType schema = footerSchema(files.get(0));
    if (parsed.mergeSchema()) {
      for (String f : files.subList(1, files.size())) {
        schema = ParquetSchemas.merge(schema, footerSchema(f));
      }
    }
    return schema;
  }

  /** The Kindling schema of one file's footer. */
  public static StructType footerSchema(String file) {
    ParquetReadOptions options = ParquetReadOptions.builder()
        .withMetadataFilter(ParquetMetadataConverter.SKIP_ROW_GROUPS).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new AdapterInputFile(file), options)) {
      return ParquetSchemas.toKindling(reader.getFooter().getFileMetaData().getSchema());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the footer of " + InputPaths.uri(file) + ": " + e, e);
    } catch (RuntimeException e) {
      if (e instanceof KindlingException) {
        throw e;
      }
      throw new KindlingException("Could not read the footer of " + InputPaths.uri(file) + " (is it a Parquet "
          + "file?): " + e.getMessage(), e);
    }
  }

  @Override
  public ParquetSplitReader reader(StructType dataSchema, StructType requiredSchema, List<ScanFilter> filters,
      FormatOptions options) {
    return new ParquetSplitReader(dataSchema, requiredSchema, filters, ParquetOptions.from(options));
  }

  @Override
  public RecordWriter.Factory writer(StructType schema, FormatOptions options) {
    ParquetOptions parsed = ParquetOptions.from(options);
    // Fails now for types Parquet can't hold, before any task runs.
    ParquetSchemas.toParquet(schema, parsed.timestamps());
    return ParquetRecordWriter.factory(parsed);
  }

  @Override
  public String fileExtension(FormatOptions options) {
    return ParquetOptions.from(options).fileExtension();
  }
}
