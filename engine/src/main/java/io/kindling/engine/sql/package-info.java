/**
 * The DataFrame engine: runs optimized logical plans as column-batch lineage through the session's backend,
 * and reads and writes files for DataFrames.
 */
package io.kindling.engine.sql;
