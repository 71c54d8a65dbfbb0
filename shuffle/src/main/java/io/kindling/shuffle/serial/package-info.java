/**
 * Record serialization for shuffle blocks and spill files: Kryo 5 with one instance per thread, no registration
 * asked of users, and errors that name the record class Kryo could not handle.
 */
package io.kindling.shuffle.serial;
