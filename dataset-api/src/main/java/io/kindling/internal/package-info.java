/**
 * Internal plumbing of the public API: the session context datasets hold, listener delivery, accumulator and
 * broadcast registries, call-site capture. Not for users; may change without notice.
 */
package io.kindling.internal;
