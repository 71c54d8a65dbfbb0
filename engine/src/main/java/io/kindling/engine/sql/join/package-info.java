/**
 * Joins over column batches: a hashed build side (open addressing over primitive keys where possible) probed
 * a batch at a time, with residual conditions, outer, semi and anti variants.
 */
package io.kindling.engine.sql.join;
