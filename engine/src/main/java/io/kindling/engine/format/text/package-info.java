/** Text: each line (or, with {@code wholetext}, each file) is one row of a single string column {@code value}. */
package io.kindling.engine.format.text;
