package io.kindling.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hosts placement reads from the workers' addresses. */
class LiveNodesTest {
  @Test
  void hostOf_anAddressWithoutHostOrNotAnAddress_isTheWholeText() {
    assertThat(LiveNodes.hostOf("akka://kindling@127.0.0.2:2552")).isEqualTo("127.0.0.2");
    assertThat(LiveNodes.hostOf("akka://kindling")).isEqualTo("akka://kindling");
    assertThat(LiveNodes.hostOf("not an address")).isEqualTo("not an address");
  }
}
