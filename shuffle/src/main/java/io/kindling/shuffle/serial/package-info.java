/**
 * Record serialization for shuffle blocks and spill files: Kryo 5 (configured by
 * {@code io.kindling.persistence.serial.KryoFactory}) with one instance per thread, and errors that name the
 * record class Kryo could not handle.
 */
package io.kindling.shuffle.serial;
