/** Shuffles: partitioners, map-side combine, writing and reading map outputs. */
package io.kindling.shuffle;
