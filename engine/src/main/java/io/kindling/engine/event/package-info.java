/** What a node reports about faults, recoveries and storage, to the session's listeners and counters. */
package io.kindling.engine.event;
