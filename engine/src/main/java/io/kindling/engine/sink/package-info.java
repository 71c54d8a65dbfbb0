/** File sinks with atomic commit: a failed write leaves no partial output and the old output intact. */
package io.kindling.engine.sink;
