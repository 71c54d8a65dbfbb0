/** Running one task attempt on a node: the task context, the runner and its outcome. */
package io.kindling.engine.task;
