package io.kindling.actors.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.kindling.KindlingException;
import io.kindling.actors.driver.JobActor;
import io.kindling.internal.lineage.AccumulatorUpdates;
import io.kindling.spi.FaultRequest;
import java.io.IOException;

/**
 * Teaches Akka's Jackson serializer the runtime's messages that carry user data (registered in
 * {@code akka.serialization.jackson.jackson-modules}):
 * <ul>
 *   <li>{@link JobActor.PartitionDone}: its result is any object the action's function returned; it travels as
 *       Java-serialized bytes ({@link JavaBytes}), as do its accumulator updates. A result that can't be
 *       serialized travels as an error instead, and the driver receives a {@link JobActor.PartitionFailed}
 *       carrying it (so the job fails as Spark's does, "Task result not serializable", instead of the message
 *       being dropped by the transport).</li>
 *   <li>A fault request ({@link FaultRequest}, a sealed family): Java-serialized bytes.</li>
 *   <li>Any {@link Throwable} (the cause of {@link JobActor.PartitionFailed}): travels as a
 *       {@link PortableError} and is re-created as the user's exception type on the driver.</li>
 * </ul>
 */
public final class KindlingJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /**
   * The largest task result that may travel (Akka makes this module without arguments, so the cluster setup sets
   * it, from {@code kindling.cluster.maximum-message-size}, before it starts a member).
   */
  private static volatile long maxResultBytes = Long.MAX_VALUE;

  static void limitResults(long bytes) {
    maxResultBytes = bytes;
  }

  @SuppressWarnings("unchecked")
  public KindlingJacksonModule() {
    super("kindling");
    addSerializer(JobActor.PartitionDone.class, new PartitionDoneSerializer());
    addDeserializer((Class<JobActor.Command>) (Class<?>) JobActor.PartitionDone.class,
        new PartitionDoneDeserializer());
    addSerializer(Throwable.class, new ThrowableSerializer());
    addSerializer(FaultRequest.class, new JavaBytesSerializer<>(FaultRequest.class));
    addDeserializer(FaultRequest.class, new JavaBytesDeserializer<>(FaultRequest.class));
    addDeserializer(Throwable.class, new ThrowableDeserializer());
  }

  private static final class PartitionDoneSerializer extends StdSerializer<JobActor.PartitionDone> {
    private static final long serialVersionUID = 1L;

    PartitionDoneSerializer() {
      super(JobActor.PartitionDone.class);
    }

    @Override
    public void serialize(JobActor.PartitionDone done, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      byte[] value = null;
      PortableError error = null;
      if (done.value() != null) {
        try {
          value = JavaBytes.write(done.value());
          if (value.length > maxResultBytes) {
            error = PortableError.of(new KindlingException("Task result of partition " + done.partition()
                + " is " + value.length + " bytes, more than the " + maxResultBytes + " a cluster message may "
                + "carry: bring less back to the driver (aggregate, take, or save the data), or raise "
                + "kindling.cluster.maximum-message-size"));
            value = null;
          }
        } catch (KindlingException e) {
          error = PortableError.of(e);
        }
      }
      gen.writeStartObject();
      gen.writeNumberField("stageId", done.stageId());
      gen.writeNumberField("partition", done.partition());
      gen.writeNumberField("attempt", done.attempt());
      if (value != null) {
        gen.writeBinaryField("value", value);
      }
      if (error != null) {
        gen.writeFieldName("error");
        provider.defaultSerializeValue(error, gen);
      }
      if (done.accumulators() != null && !done.accumulators().isEmpty()) {
        gen.writeBinaryField("accumulators", JavaBytes.write(done.accumulators()));
      }
      gen.writeEndObject();
    }
  }

  /** Reads a PartitionDone, or the PartitionFailed it became when its result could not be serialized. */
  private static final class PartitionDoneDeserializer extends StdDeserializer<JobActor.Command> {
    private static final long serialVersionUID = 1L;

    PartitionDoneDeserializer() {
      super(JobActor.PartitionDone.class);
    }

    @Override
    public JobActor.Command deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      if (node.hasNonNull("error")) {
        PortableError error = p.getCodec().treeToValue(node.get("error"), PortableError.class);
        return new JobActor.PartitionFailed(node.get("stageId").intValue(), node.get("partition").intValue(),
            node.get("attempt").intValue(), error.toThrowable());
      }
      Object value = node.hasNonNull("value") ? JavaBytes.read(node.get("value").binaryValue()) : null;
      AccumulatorUpdates accumulators = node.hasNonNull("accumulators")
          ? (AccumulatorUpdates) JavaBytes.read(node.get("accumulators").binaryValue())
          : new AccumulatorUpdates();
      return new JobActor.PartitionDone(node.get("stageId").intValue(), node.get("partition").intValue(),
          node.get("attempt").intValue(), value, accumulators);
    }
  }

  /** A value that is Java-serializable and polymorphic (a sealed family of records), as bytes. */
  private static final class JavaBytesSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    JavaBytesSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeBinary(JavaBytes.write(value));
    }
  }

  private static final class JavaBytesDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;

    JavaBytesDeserializer(Class<T> type) {
      super(type);
      this.type = type;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return type.cast(JavaBytes.read(p.getBinaryValue()));
    }
  }

  private static final class ThrowableSerializer extends StdSerializer<Throwable> {
    private static final long serialVersionUID = 1L;

    ThrowableSerializer() {
      super(Throwable.class);
    }

    @Override
    public void serialize(Throwable t, JsonGenerator gen, SerializerProvider provider) throws IOException {
      provider.defaultSerializeValue(PortableError.of(t), gen);
    }
  }

  private static final class ThrowableDeserializer extends StdDeserializer<Throwable> {
    private static final long serialVersionUID = 1L;

    ThrowableDeserializer() {
      super(Throwable.class);
    }

    @Override
    public Throwable deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return ctxt.readValue(p, PortableError.class).toThrowable();
    }
  }
}
