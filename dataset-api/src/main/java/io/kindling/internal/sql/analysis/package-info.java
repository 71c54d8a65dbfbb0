/**
 * Analysis of DataFrame expressions: binds column names to attributes, checks types and inserts Spark's
 * implicit casts, and fails with {@link io.kindling.sql.AnalysisException} naming what is wrong.
 */
package io.kindling.internal.sql.analysis;
