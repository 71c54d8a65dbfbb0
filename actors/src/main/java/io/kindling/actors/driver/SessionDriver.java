package io.kindling.actors.driver;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;

/** The driver side of a session: accepts jobs and runs each in its own {@link JobActor}. */
public final class SessionDriver extends AbstractBehavior<SessionDriver.Command> {

  /** Messages a SessionDriver handles. */
  public sealed interface Command permits SubmitJob, Stop {}

  /** Run a job. */
  public record SubmitJob(JobSubmission job) implements Command {}

  /** Stop the driver and its jobs. */
  public enum Stop implements Command { INSTANCE }

  private final JobActor.Services services;

  public static Behavior<Command> create(JobActor.Services services) {
    return Behaviors.setup(context -> new SessionDriver(context, services));
  }

  private SessionDriver(ActorContext<Command> context, JobActor.Services services) {
    super(context);
    this.services = services;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(SubmitJob.class, this::onSubmit)
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .build();
  }

  private Behavior<Command> onSubmit(SubmitJob msg) {
    getContext().spawn(JobActor.create(msg.job(), services), "job-" + msg.job().jobId());
    return this;
  }
}
