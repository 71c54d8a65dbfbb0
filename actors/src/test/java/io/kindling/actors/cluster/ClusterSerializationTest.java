package io.kindling.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.pattern.StatusReply;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kindling.KindlingException;
import io.kindling.Tuple2;
import io.kindling.actors.driver.JobActor;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.internal.lineage.AccumulatorUpdates;
import io.kindling.spi.FaultRequest;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every message that crosses the network, through the serializer a cluster member binds it to: Jackson CBOR for
 * control messages (with Kindling's module for user results and exceptions), the data serializer for batches.
 */
class ClusterSerializationTest {
  private static final int JACKSON_CBOR = 33;

  private static ActorTestKit testKit;
  private static Serialization serialization;

  @BeforeAll
  static void start() {
    Config base = ConfigFactory.parseMap(Map.of("kindling.cluster.hostname", "127.0.0.1"))
        .withFallback(ConfigFactory.load());
    Config akka = ClusterSystems.memberConfig(ClusterSettings.from(base), MemberRole.WORKER, base);
    testKit = ActorTestKit.create("kindling", akka);
    serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T message, int expectedSerializer) {
    Serializer serializer = serialization.findSerializerFor(message);
    assertThat(serializer.identifier()).as("serializer of %s", message.getClass().getName())
        .isEqualTo(expectedSerializer);
    byte[] bytes = serialization.serialize(message).get();
    String manifest = Serializers.manifestFor(serializer, message);
    return (T) serialization.deserialize(bytes, serializer.identifier(), manifest).get();
  }

  private static <T> T viaJackson(T message) {
    return roundTrip(message, JACKSON_CBOR);
  }

  private static <T> ActorRef<T> probe() {
    return testKit.<T>createTestProbe().ref();
  }

  // ---------------------------------------------------------------- cluster messages

  @Test
  void workerAgentMessages_roundTripThroughJacksonCbor() {
    ActorRef<ClusterView.Command> view = probe();
    assertThat(viaJackson(new WorkerAgent.AttachSession("wc (session-1)", view)))
        .isEqualTo(new WorkerAgent.AttachSession("wc (session-1)", view));
    ActorRef<WorkerAgent.WorkerStatus> statusProbe = probe();
    assertThat(viaJackson(new WorkerAgent.GetStatus(statusProbe))).isEqualTo(new WorkerAgent.GetStatus(statusProbe));
    ActorRef<WorkerAgent.LeaveStarted> leaveProbe = probe();
    assertThat(viaJackson(new WorkerAgent.Leave(leaveProbe))).isEqualTo(new WorkerAgent.Leave(leaveProbe));
    WorkerAgent.WorkerStatus status = new WorkerAgent.WorkerStatus("akka://kindling@127.0.0.1:2552", 2,
        List.of("wc (session-1)"), 3, 4096L, 5, List.of(new WorkerAgent.MemberInfo("akka://kindling@127.0.0.1:2552", "Up",
            List.of("worker"), true)));
    assertThat(viaJackson(status)).isEqualTo(status);
    assertThat(viaJackson(new WorkerAgent.LeaveStarted("akka://kindling@127.0.0.1:2552")))
        .isEqualTo(new WorkerAgent.LeaveStarted("akka://kindling@127.0.0.1:2552"));
  }

  @Test
  void nodeAttached_roundTripsWithTheNodeRef() {
    ActorRef<NodeSupervisor.Command> node = probe();
    ActorRef<ShuffleServer.Command> server = probe();
    ClusterView.NodeAttached msg = new ClusterView.NodeAttached("akka://kindling@127.0.0.1:2553", node, server, 4);
    assertThat(viaJackson(msg)).isEqualTo(msg);
  }

  @Test
  void shuffleFetchMessages_roundTrip() {
    ActorRef<ClusterView.MapOutputs> replyTo = probe();
    ClusterView.GetMapOutputs get = viaJackson(new ClusterView.GetMapOutputs(3, 1, new int[] {0, 2, 5}, replyTo));
    assertThat(get.shuffleId()).isEqualTo(3);
    assertThat(get.reducePartition()).isEqualTo(1);
    assertThat(get.maps()).containsExactly(0, 2, 5);
    assertThat(get.replyTo()).isEqualTo(replyTo);
    ActorRef<ShuffleServer.Command> server = probe();
    ClusterView.MapOutputs outputs = new ClusterView.MapOutputs(3,
        List.of(new ClusterView.MapOutputLocation(0, server, 1234L)));
    assertThat(viaJackson(outputs)).isEqualTo(outputs);
    ActorRef<BlockFetcher.Command> fetcher = probe();
    ShuffleServer.FetchChunk chunk = new ShuffleServer.FetchChunk(9L, 3, 0, 1, 524288L, 524288, fetcher);
    assertThat(viaJackson(chunk)).isEqualTo(chunk);
    assertThat(viaJackson(new BlockFetcher.ChunkFailed(9L, "gone"))).isEqualTo(new BlockFetcher.ChunkFailed(9L, "gone"));
    ActorRef<ClusterView.Command> view = probe();
    assertThat(viaJackson(new WorkerAgent.ReleaseShuffle(view, 3))).isEqualTo(new WorkerAgent.ReleaseShuffle(view, 3));
    JobActor.FetchFailed failed = new JobActor.FetchFailed(2, 1, 0, 3, List.of(5, 6), "worker left");
    assertThat(viaJackson(failed)).isEqualTo(failed);
  }

  @Test
  void handOverAndRebalanceMessages_roundTrip() {
    ActorRef<WorkerAgent.Command> agent = probe();
    ActorRef<ClusterView.Command> view = probe();
    ActorRef<ShuffleServer.Command> server = probe();
    assertThat(viaJackson(new ClusterView.Decommission(agent))).isEqualTo(new ClusterView.Decommission(agent));
    WorkerAgent.HandOverTargets targets = new WorkerAgent.HandOverTargets(view,
        List.of(new WorkerAgent.TargetWorker("akka://kindling@127.0.0.1:2553", agent)));
    assertThat(viaJackson(targets)).isEqualTo(targets);
    WorkerAgent.ImportMapOutput importOutput = viaJackson(new WorkerAgent.ImportMapOutput(view, 1, 2,
        new long[] {10, 0, 7}, server, agent));
    assertThat(importOutput.sizes()).containsExactly(10, 0, 7);
    assertThat(importOutput.source()).isEqualTo(server);
    WorkerAgent.ImportBlock importBlock = viaJackson(new WorkerAgent.ImportBlock(view, new byte[] {1, 2},
        List.of(new byte[] {3}, new byte[] {4, 5}), agent));
    assertThat(importBlock.block()).containsExactly(1, 2);
    assertThat(importBlock.chunks()).hasSize(2);
    assertThat(importBlock.chunks().get(1)).containsExactly(4, 5);
    WorkerAgent.HandOverAck ack = new WorkerAgent.HandOverAck(view, "map output 2 of shuffle 1", true);
    assertThat(viaJackson(ack)).isEqualTo(ack);
    assertThat(viaJackson(new WorkerAgent.MoveBlock(view, 3, 4, agent)))
        .isEqualTo(new WorkerAgent.MoveBlock(view, 3, 4, agent));
    assertThat(viaJackson(new WorkerAgent.DropBlock(view, 3, 4))).isEqualTo(new WorkerAgent.DropBlock(view, 3, 4));
    ClusterView.MapOutputMoved moved = viaJackson(new ClusterView.MapOutputMoved(1, 2, "akka://k@h:1",
        new long[] {5}));
    assertThat(moved.sizes()).containsExactly(5);
    assertThat(viaJackson(new ClusterView.BlockMoved(3, 4, "akka://k@h:1")))
        .isEqualTo(new ClusterView.BlockMoved(3, 4, "akka://k@h:1"));
  }

  @Test
  void faultAndUnpersistRequests_roundTrip() {
    ActorRef<StatusReply<Done>> status = probe();
    NodeSupervisor.InjectFault inject = new NodeSupervisor.InjectFault(
        new FaultRequest.DropCachedBlock(4, 2), status);
    assertThat(viaJackson(inject)).isEqualTo(inject);
    ActorRef<Done> done = probe();
    assertThat(viaJackson(new NodeSupervisor.Unpersist(4, done))).isEqualTo(new NodeSupervisor.Unpersist(4, done));
    Object doneBack = roundTrip(Done.getInstance(), serialization.findSerializerFor(Done.getInstance()).identifier());
    assertThat(doneBack).isEqualTo(Done.getInstance());
    StatusReply<Done> ack = StatusReply.ack();
    assertThat(roundTrip(ack, serialization.findSerializerFor(ack).identifier())).isEqualTo(ack);
  }

  @Test
  void portableError_roundTripsWithStackAndCauses() {
    PortableError error = PortableError.of(new IllegalStateException("outer", new IOException("inner")));
    PortableError back = viaJackson(error);
    assertThat(back).isEqualTo(error);
    assertThat(back.cause().className()).isEqualTo("java.io.IOException");
  }

  @Test
  void dataBatch_usesTheDataSerializer() {
    DataBatch batch = new DataBatch(42L, 3, true, new byte[] {1, 2, 3, -1});
    DataBatch back = roundTrip(batch, DataBatchSerializer.IDENTIFIER);
    assertThat(back.streamId()).isEqualTo(42L);
    assertThat(back.sequence()).isEqualTo(3);
    assertThat(back.last()).isTrue();
    assertThat(back.bytes()).containsExactly(1, 2, 3, -1);
  }

  // ---------------------------------------------------------------- the runtime's messages

  @Test
  void registerLineage_keepsThePayloadBytes() {
    byte[] payload = new byte[70_000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31);
    }
    NodeSupervisor.RegisterLineage back = viaJackson(new NodeSupervisor.RegisterLineage(7L, payload));
    assertThat(back.jobId()).isEqualTo(7L);
    assertThat(back.payload()).isEqualTo(payload);
  }

  @Test
  void nodeSupervisorCommands_roundTrip() {
    ActorRef<JobActor.Command> job = probe();
    NodeSupervisor.ComputePartition compute = new NodeSupervisor.ComputePartition(3L, 1, 5, 2, 1, job);
    assertThat(viaJackson(compute)).isEqualTo(compute);
    assertThat(viaJackson(new NodeSupervisor.ForgetJob(9L))).isEqualTo(new NodeSupervisor.ForgetJob(9L));
    assertThat(viaJackson(new NodeSupervisor.CrashPartition(1L, 2, 3)))
        .isEqualTo(new NodeSupervisor.CrashPartition(1L, 2, 3));
    assertThat(viaJackson(NodeSupervisor.Stop.INSTANCE)).isSameAs(NodeSupervisor.Stop.INSTANCE);
  }

  @Test
  void partitionDone_carriesAnyJavaSerializableResult() {
    List<Tuple2<String, Integer>> rows = List.of(Tuple2.of("a", 1), Tuple2.of("b", 2));
    JobActor.PartitionDone back = viaJackson(new JobActor.PartitionDone(1, 2, 0, rows, new AccumulatorUpdates()));
    assertThat(back.stageId()).isEqualTo(1);
    assertThat(back.partition()).isEqualTo(2);
    assertThat(back.attempt()).isZero();
    assertThat(back.value()).isEqualTo(rows);
    assertThat(back.accumulators().isEmpty()).isTrue();

    assertThat(viaJackson(new JobActor.PartitionDone(0, 0, 1, 12345L, null)).value()).isEqualTo(12345L);
    assertThat(viaJackson(new JobActor.PartitionDone(0, 0, 1, null, null)).value()).isNull();
    assertThat((long[]) viaJackson(new JobActor.PartitionDone(0, 0, 0, new long[] {5, 0, 7}, null)).value())
        .containsExactly(5, 0, 7);
  }

  @Test
  void partitionDone_keepsAccumulatorSumsAndCounts() {
    AccumulatorUpdates updates = new AccumulatorUpdates();
    updates.addLong(1, 10);
    updates.addLong(1, 5);
    updates.addDouble(2, 0.5);
    AccumulatorUpdates back = viaJackson(new JobActor.PartitionDone(0, 0, 0, 1, updates)).accumulators();
    assertThat(back.longs().get(1L)).containsExactly(15, 2);
    assertThat(back.doubles().get(2L)).containsExactly(0.5, 1.0);
  }

  @Test
  void partitionDone_withOptionalResults_roundTrips() {
    assertThat(viaJackson(new JobActor.PartitionDone(0, 0, 0, Optional.of(41), null)).value())
        .isEqualTo(Optional.of(41));
    assertThat(viaJackson(new JobActor.PartitionDone(0, 0, 0, List.of(Optional.empty()), null)).value())
        .isEqualTo(List.of(Optional.empty()));
  }

  @Test
  void partitionDone_withAResultThatIsNotSerializable_arrivesAsPartitionFailedNamingTheClass() {
    Serializer serializer = serialization.findSerializerFor(new JobActor.PartitionDone(0, 0, 0, 1, null));
    JobActor.PartitionDone done = new JobActor.PartitionDone(2, 3, 1, List.of(new Object()), null);
    byte[] bytes = serialization.serialize(done).get();
    Object back = serialization.deserialize(bytes, serializer.identifier(),
        Serializers.manifestFor(serializer, done)).get();
    assertThat(back).isInstanceOf(JobActor.PartitionFailed.class);
    JobActor.PartitionFailed failed = (JobActor.PartitionFailed) back;
    assertThat(failed.stageId()).isEqualTo(2);
    assertThat(failed.partition()).isEqualTo(3);
    assertThat(failed.attempt()).isEqualTo(1);
    assertThat(failed.cause()).isInstanceOf(KindlingException.class)
        .hasMessageContaining("Task result not serializable")
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void partitionFailed_recreatesTheUsersExceptionType() {
    IllegalArgumentException cause = new IllegalArgumentException("bad record at line 3",
        new UncheckedIOException(new IOException("disk")));
    JobActor.PartitionFailed back = viaJackson(new JobActor.PartitionFailed(4, 1, 2, cause));
    assertThat(back.stageId()).isEqualTo(4);
    assertThat(back.partition()).isEqualTo(1);
    assertThat(back.attempt()).isEqualTo(2);
    assertThat(back.cause()).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad record at line 3")
        .hasCauseExactlyInstanceOf(UncheckedIOException.class);
    assertThat(back.cause().getCause().getCause()).isExactlyInstanceOf(IOException.class).hasMessage("disk");
    assertThat(back.cause().getStackTrace()).isEqualTo(cause.getStackTrace());
    assertThat(back.cause().toString()).isEqualTo(cause.toString());
  }

  @Test
  void partitionFailed_withAClassTheDriverLacks_printsLikeTheOriginal() {
    PortableError unknown = new PortableError("com.acme.BadRecordException", "line 3",
        List.of(new PortableError.Frame("com.acme.Parser", "parse", "Parser.java", 42)), null);
    Throwable t = unknown.toThrowable();
    assertThat(t).isInstanceOf(RemoteTaskException.class);
    assertThat(t.toString()).isEqualTo("com.acme.BadRecordException: line 3");
    assertThat(t.getStackTrace()[0].getLineNumber()).isEqualTo(42);
    JobActor.PartitionFailed back = viaJackson(new JobActor.PartitionFailed(0, 0, 0, t));
    assertThat(back.cause()).isInstanceOf(RemoteTaskException.class);
    assertThat(back.cause().toString()).isEqualTo("com.acme.BadRecordException: line 3");
  }

  @Test
  void partitionFailed_withAnExceptionWithoutAMessageConstructor_fallsBackToRemoteTaskException() {
    JobActor.PartitionFailed back = viaJackson(new JobActor.PartitionFailed(0, 0, 0, new OddException(7)));
    assertThat(back.cause()).isInstanceOf(RemoteTaskException.class);
    assertThat(back.cause().toString()).isEqualTo(OddException.class.getName() + ": code 7");
  }

  @Test
  void partitionLost_roundTrips() {
    JobActor.PartitionLost lost = new JobActor.PartitionLost(1, 2, 3, "worker left");
    assertThat(viaJackson(lost)).isEqualTo(lost);
  }

  @Test
  void javaSerialization_isOff() {
    assertThatThrownBy(() -> serialization.serialize(new PlainSerializable()).get())
        .hasStackTraceContaining("Java serialization");
  }

  /** An exception whose only constructor doesn't take the message. */
  static final class OddException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OddException(int code) {
      super("code " + code);
    }
  }

  static final class PlainSerializable implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
