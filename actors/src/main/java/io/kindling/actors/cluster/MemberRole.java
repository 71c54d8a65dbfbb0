package io.kindling.actors.cluster;

/** The roles of cluster members. */
public enum MemberRole {
  /** Runs a session: plans jobs and places partitions; computes nothing itself. */
  DRIVER("driver"),
  /** Owns and computes partitions for the drivers that attach to it. */
  WORKER("worker");

  private final String roleName;

  MemberRole(String roleName) {
    this.roleName = roleName;
  }

  /** The Akka Cluster role name. */
  public String roleName() {
    return roleName;
  }
}
