/** Serialization of job payloads (lineage and user closures) with "Task not serializable" diagnosis. */
package io.kindling.engine.serial;
