/** CSV: options, a byte-level tokenizer with Spark's quote/escape rules, the reader, inference and the writer. */
package io.kindling.engine.format.csv;
