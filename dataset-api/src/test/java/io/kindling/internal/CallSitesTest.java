package io.kindling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallSitesTest {

  @Test
  void of_calledFromUserCode_namesTheUsersFileAndLine() {
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    String site = CallSites.of("map");
    assertThat(site).isEqualTo("map at CallSitesTest.java:" + line);
  }
}
