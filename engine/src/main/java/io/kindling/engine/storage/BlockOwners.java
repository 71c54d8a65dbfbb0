package io.kindling.engine.storage;

/**
 * The node's owners of cached blocks (supervised partition actors, in the actors runtime): told when a block
 * appears, so that it gets an owner, and when it goes away, so that the owner stops.
 */
public interface BlockOwners {

  /** A block was stored. */
  void stored(OwnedBlock block);

  /** The block stored as {@code generation} was evicted or dropped. */
  void released(BlockId id, long generation);

  /** Crash the owner of {@code id} (fault injection). */
  void crash(BlockId id);

  /** Nobody owns blocks. */
  BlockOwners NONE = new BlockOwners() {
    @Override
    public void stored(OwnedBlock block) {}

    @Override
    public void released(BlockId id, long generation) {}

    @Override
    public void crash(BlockId id) {}
  };
}
