/**
 * Column batches: typed primitive vectors with null masks (strings optionally dictionary-encoded), the unit
 * in which DataFrame operators pass rows, and their compact binary form for shuffles and caches.
 */
package io.kindling.engine.sql.vector;
