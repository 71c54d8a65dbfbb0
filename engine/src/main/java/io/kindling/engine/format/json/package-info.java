/** JSON lines: options, a streaming reader (jackson-core) with Spark's conversions and parse modes, inference, writer. */
package io.kindling.engine.format.json;
