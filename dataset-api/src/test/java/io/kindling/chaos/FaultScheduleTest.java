package io.kindling.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultScheduleTest {

  @Test
  void draw_dependsOnlyOnSeedAndOpportunity() {
    FaultSchedule a = FaultSchedule.random(42, 0.1);

    assertThat(a.draw(1, 2, 3)).isEqualTo(FaultSchedule.random(42, 0.9).draw(1, 2, 3))
        .isNotEqualTo(a.draw(1, 2, 4))
        .isNotEqualTo(FaultSchedule.random(43, 0.1).draw(1, 2, 3));
  }

  @Test
  void draw_roughlyUniformInUnitInterval() {
    FaultSchedule s = FaultSchedule.random(7, 0.5);
    int below = 0;
    for (int i = 0; i < 10_000; i++) {
      double u = s.draw(i);
      assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
      if (u < 0.25) {
        below++;
      }
    }
    assertThat(below).isBetween(2300, 2700);
  }

  @Test
  void random_rateOutsideUnitInterval_rejected() {
    assertThatThrownBy(() -> FaultSchedule.random(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultSchedule.random(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultSchedule.random(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_isTheCallThatReplaysIt() {
    assertThat(FaultSchedule.random(-3, 0.25)).hasToString("FaultSchedule.random(-3L, 0.25)");
  }
}
