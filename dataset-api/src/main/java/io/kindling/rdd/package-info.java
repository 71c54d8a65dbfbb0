/**
 * Resilient distributed datasets: {@link io.kindling.rdd.RDD} and {@link io.kindling.rdd.PairRDD}, lazy
 * transformations over lineage and the actions that run jobs.
 */
package io.kindling.rdd;
