package io.kindling.engine.format.output;

import io.kindling.KindlingException;
import io.kindling.engine.format.FormatOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** The {@code compression} (or {@code codec}) write option: none, gzip, bzip2 or deflate, as Spark names them. */
public enum Compression {
  NONE(""),
  GZIP(".gz"),
  BZIP2(".bz2"),
  DEFLATE(".deflate");

  private final String extension;

  Compression(String extension) {
    this.extension = extension;
  }

  /** What the part file name ends with after the format's extension: {@code .gz}, or nothing. */
  public String extension() {
    return extension;
  }

  public static Compression fromOptions(FormatOptions options) {
    String name = options.getAny("compression", "codec").orElse("none");
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "none", "uncompressed" -> NONE;
      case "gzip" -> GZIP;
      case "bzip2" -> BZIP2;
      case "deflate" -> DEFLATE;
      case "lz4", "snappy", "zstd" -> throw new KindlingException("The compression codec '" + name
          + "' is not supported by Kindling's text formats; use none, gzip, bzip2 or deflate");
      default -> throw new KindlingException("Codec [" + name + "] is not available. Known codecs are bzip2, "
          + "deflate, uncompressed, gzip, none.");
    };
  }

  /** Wraps a part file's stream; closing the result finishes the compressed stream and closes the file. */
  public OutputStream wrap(OutputStream out) throws IOException {
    return switch (this) {
      case NONE -> out;
      case GZIP -> new GZIPOutputStream(out, 64 * 1024);
      case BZIP2 -> new BZip2CompressorOutputStream(out);
      case DEFLATE -> new DeflaterOutputStream(out);
    };
  }
}
