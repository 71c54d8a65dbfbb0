package io.kindling.engine.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * File splits in a compact encoding, for a lineage shipped to tasks: every task decodes its own copy of the
 * lineage, so it reads this as two arrays and decodes only the split it computes (a thousand-file input costs a
 * task one split, not a thousand objects).
 */
record ShippedSplits(int[] offsets, byte[] data) {

  static ShippedSplits encode(List<FileSplit> splits) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(splits.size() * 64);
    int[] offsets = new int[splits.size()];
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (int i = 0; i < splits.size(); i++) {
        offsets[i] = out.size();
        FileSplit s = splits.get(i);
        out.writeUTF(s.path());
        out.writeLong(s.start());
        out.writeLong(s.length());
        out.writeBoolean(s.compressed());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ShippedSplits(offsets, bytes.toByteArray());
  }

  int count() {
    return offsets.length;
  }

  FileSplit get(int index) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offsets[index],
        data.length - offsets[index]))) {
      return new FileSplit(in.readUTF(), in.readLong(), in.readLong(), in.readBoolean());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<FileSplit> all() {
    List<FileSplit> splits = new ArrayList<>(count());
    for (int i = 0; i < count(); i++) {
      splits.add(get(i));
    }
    return List.copyOf(splits);
  }
}
