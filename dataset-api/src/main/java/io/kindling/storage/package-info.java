/** Storage levels for persisted datasets. */
package io.kindling.storage;
