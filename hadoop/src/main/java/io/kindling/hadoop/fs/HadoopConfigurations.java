package io.kindling.hadoop.fs;

import java.io.File;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop client configuration Kindling uses, found as Hadoop's own tools find it: {@code core-site.xml} and
 * {@code hdfs-site.xml} on the classpath, and those of {@code HADOOP_CONF_DIR} when it is set (as Spark reads
 * it). Every JVM of a cluster must see the same files.
 */
public final class HadoopConfigurations {
  private HadoopConfigurations() {}

  /** A new configuration with the defaults and the site files. */
  public static Configuration load() {
    Configuration conf = new Configuration();
    String dir = System.getenv("HADOOP_CONF_DIR");
    if (dir != null && !dir.isBlank()) {
      for (String name : new String[] {"core-site.xml", "hdfs-site.xml"}) {
        File f = new File(dir, name);
        if (f.isFile()) {
          conf.addResource(new org.apache.hadoop.fs.Path(f.toURI()));
        }
      }
    }
    return conf;
  }
}
