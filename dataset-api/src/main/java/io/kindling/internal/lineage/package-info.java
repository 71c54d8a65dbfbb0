/**
 * The lineage graph: immutable, serializable nodes that say how each partition of a dataset is computed from
 * its dependencies. Internal: users reach it only through {@code io.kindling.rdd.RDD}.
 */
package io.kindling.internal.lineage;
