package io.kindling.hadoop.fs;

import io.kindling.engine.fs.FileSystemAdapter;
import java.io.IOException;
import java.net.URI;

/** Serves {@code hdfs://} paths to the engine (registered with ServiceLoader). */
public final class HdfsFileSystemProvider implements FileSystemAdapter.Provider {

  @Override
  public String scheme() {
    return "hdfs";
  }

  @Override
  public FileSystemAdapter create(URI uri) throws IOException {
    return new HdfsFileSystemAdapter(URI.create(uri.getScheme() + "://"
        + (uri.getRawAuthority() == null ? "" : uri.getRawAuthority()) + "/"), HadoopConfigurations.load());
  }
}
