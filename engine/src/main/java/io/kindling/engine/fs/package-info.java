/**
 * The file systems Kindling reads and writes through: local disk here, others (HDFS in kindling-hadoop) found by
 * URI scheme with {@link java.util.ServiceLoader}. Paths are strings: a local path, or a URI with a scheme.
 */
package io.kindling.engine.fs;
