package io.kindling.actors.driver;

import io.kindling.engine.plan.JobPlan;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A job ready to run: its plan, the serialized payload nodes will register, which result partitions to
 * compute, and the future the action waits on. Driver-side only; never crosses the network.
 */
public record JobSubmission(long jobId, String description, JobPlan plan, byte[] payload, int[] partitions,
    CompletableFuture<List<Object>> result) {}
