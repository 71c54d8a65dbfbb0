/**
 * The shuffle store: map outputs as chunks in persisted Chronicle Map volumes under the node's work directory,
 * written per map task, read per reduce partition, removed per shuffle.
 */
package io.kindling.persistence.shuffle;
