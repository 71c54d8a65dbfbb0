/**
 * The DataFrame machinery behind the public API: per-session state (settings, cached plans, views), query
 * execution (cache substitution, optimization), and the DataFrames a session makes.
 */
package io.kindling.internal.sql;
