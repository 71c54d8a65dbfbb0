package io.kindling.chaos;

import io.kindling.KindlingSession;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@code local[2]} session for the tests of a class, with a {@link RecoveryRecorder} listening: every armed
 * fault is disarmed and the recorder emptied before each test, and faults are disarmed again after it. Register
 * it as a static {@code @RegisterExtension} field.
 */
public final class FaultTestSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {
  private final String appName;
  private final Map<String, String> config;
  private final RecoveryRecorder recorder = new RecoveryRecorder();
  private KindlingSession session;

  public FaultTestSession(String appName, Map<String, String> config) {
    this.appName = appName;
    this.config = Map.copyOf(config);
  }

  public KindlingSession session() {
    return session;
  }

  public RecoveryRecorder recorder() {
    return recorder;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    KindlingSession.Builder builder = KindlingSession.builder().appName(appName).master("local[2]");
    config.forEach(builder::config);
    session = builder.create();
    session.addListener(recorder);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    session.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    session.faults().clear();
    recorder.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    session.faults().clear();
  }
}
