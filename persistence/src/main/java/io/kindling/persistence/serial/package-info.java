/**
 * The one Kryo configuration of Kindling, used by cached blocks, checkpoints, shuffle blocks and spill files: no
 * registration asked of users, references tracked, JDK immutable and unmodifiable collections and serializable
 * lambdas handled.
 */
package io.kindling.persistence.serial;
