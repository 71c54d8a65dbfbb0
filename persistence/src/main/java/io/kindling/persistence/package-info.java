/** Storage on each node: off-heap stores on Chronicle Map for cached blocks and shuffle outputs. */
package io.kindling.persistence;
