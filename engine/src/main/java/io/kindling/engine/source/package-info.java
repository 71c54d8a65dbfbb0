/** File sources: path expansion (files, directories, globs, lists), splitting, and the text line reader. */
package io.kindling.engine.source;
