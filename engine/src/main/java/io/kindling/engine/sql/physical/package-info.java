/**
 * Physical plans ({@code *Exec}): how an optimized logical plan runs — which operators, where data is
 * exchanged — and their compilation into lineage nodes whose elements are column batches.
 */
package io.kindling.engine.sql.physical;
