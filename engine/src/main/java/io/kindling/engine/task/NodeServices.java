package io.kindling.engine.task;

import io.kindling.engine.shuffle.ShuffleService;

/** What a node offers the tasks it runs: its shuffle service (and, later, its block store). */
public record NodeServices(ShuffleService shuffle) {}
