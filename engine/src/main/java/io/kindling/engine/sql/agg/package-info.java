/**
 * Hash aggregation over column batches: group-key tables (open addressing over primitive keys, dictionary
 * shortcuts for strings) and aggregate functions whose state lives in primitive arrays indexed by group.
 */
package io.kindling.engine.sql.agg;
