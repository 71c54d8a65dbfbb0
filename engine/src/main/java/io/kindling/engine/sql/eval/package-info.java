/**
 * Evaluation of resolved expressions a batch at a time: the compiler binds attributes to batch columns and
 * builds evaluators that loop over primitive vectors.
 */
package io.kindling.engine.sql.eval;
