/**
 * The serializable function interfaces that transformations and actions take. Lambdas written against them
 * are shipped to the nodes that compute partitions.
 */
package io.kindling.function;
