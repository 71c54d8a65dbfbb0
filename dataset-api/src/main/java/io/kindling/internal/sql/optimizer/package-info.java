/**
 * The logical optimizer: rules, one class each, that rewrite an analyzed plan into a cheaper equivalent one
 * (prune columns, push filters down and into scans, fold constants, combine projections and filters, choose
 * broadcast joins).
 */
package io.kindling.internal.sql.optimizer;
