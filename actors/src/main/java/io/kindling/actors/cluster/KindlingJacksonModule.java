package io.kindling.actors.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.kindling.actors.driver.JobActor;
import io.kindling.internal.lineage.AccumulatorUpdates;
import java.io.IOException;

/**
 * Teaches Akka's Jackson serializer the runtime's messages that carry user data (registered in
 * {@code akka.serialization.jackson.jackson-modules}):
 * <ul>
 *   <li>{@link JobActor.PartitionDone}: its result is any object the action's function returned; it travels as
 *       Java-serialized bytes ({@link JavaBytes}), as do its accumulator updates.</li>
 *   <li>Any {@link Throwable} (the cause of {@link JobActor.PartitionFailed}): travels as a
 *       {@link PortableError} and is re-created as the user's exception type on the driver.</li>
 * </ul>
 */
public final class KindlingJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public KindlingJacksonModule() {
    super("kindling");
    addSerializer(JobActor.PartitionDone.class, new PartitionDoneSerializer());
    addDeserializer(JobActor.PartitionDone.class, new PartitionDoneDeserializer());
    addSerializer(Throwable.class, new ThrowableSerializer());
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
      gen.writeStartObject();
      gen.writeNumberField("stageId", done.stageId());
      gen.writeNumberField("partition", done.partition());
      gen.writeNumberField("attempt", done.attempt());
      if (done.value() != null) {
        gen.writeBinaryField("value", JavaBytes.write(done.value()));
      }
      if (done.accumulators() != null && !done.accumulators().isEmpty()) {
        gen.writeBinaryField("accumulators", JavaBytes.write(done.accumulators()));
      }
      gen.writeEndObject();
    }
  }

  private static final class PartitionDoneDeserializer extends StdDeserializer<JobActor.PartitionDone> {
    private static final long serialVersionUID = 1L;

    PartitionDoneDeserializer() {
      super(JobActor.PartitionDone.class);
    }

    @Override
    public JobActor.PartitionDone deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      Object value = node.hasNonNull("value") ? JavaBytes.read(node.get("value").binaryValue()) : null;
      AccumulatorUpdates accumulators = node.hasNonNull("accumulators")
          ? (AccumulatorUpdates) JavaBytes.read(node.get("accumulators").binaryValue())
          : new AccumulatorUpdates();
      return new JobActor.PartitionDone(node.get("stageId").intValue(), node.get("partition").intValue(),
          node.get("attempt").intValue(), value, accumulators);
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
