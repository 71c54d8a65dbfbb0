/**
 * The DataFrame logical plan: immutable nodes (scan, project, filter, aggregate, join, sort, limit, union,
 * sample, repartition, local relation, range) whose output columns are attributes with stable ids.
 */
package io.kindling.internal.sql.plan;
