package io.kindling.engine.plan;

import java.io.Serializable;
import java.util.List;

/** A job's stages, parents before children; the last one is the result stage. */
public record JobPlan(List<Stage> stages) implements Serializable {

  public JobPlan {
    stages = List.copyOf(stages);
    if (stages.isEmpty() || stages.get(stages.size() - 1).isShuffleMap()) {
      throw new IllegalArgumentException("a plan ends with its result stage: " + stages);
    }
  }

  public Stage resultStage() {
    return stages.get(stages.size() - 1);
  }

  public Stage stage(int id) {
    for (Stage s : stages) {
      if (s.id() == id) {
        return s;
      }
    }
    throw new IllegalArgumentException("no stage " + id + " in " + stages);
  }
}
