package io.kindling.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import net.openhft.chronicle.hash.VanillaGlobalMutableState;
import net.openhft.chronicle.values.Values;
import org.junit.jupiter.api.Test;

/** Chronicle Map takes the native value classes this module ships instead of compiling them at run time. */
class NativeValueClassesTest {

  @Test
  void chronicleTakesTheShippedGlobalStateClass_fromThisModulesClasses() throws Exception {
    Class<?> used = Values.nativeClassFor(VanillaGlobalMutableState.class);
    assertThat(used.getName()).isEqualTo(NativeValueClasses.nativeClassName(VanillaGlobalMutableState.class));
    // A class compiled at run time would not come from this module's class directory (or jar).
    assertThat(used.getProtectionDomain().getCodeSource()).isNotNull();
    assertThat(used.getProtectionDomain().getCodeSource().getLocation())
        .isEqualTo(NativeValueClasses.class.getProtectionDomain().getCodeSource().getLocation());
  }

  @Test
  void everyListedValueInterfaceHasItsClassShipped() throws Exception {
    for (String name : NativeValueClasses.VALUE_INTERFACES) {
      String nativeClass = NativeValueClasses.nativeClassName(Class.forName(name));
      assertThat(NativeValueClasses.class.getClassLoader().getResource(nativeClass.replace('.', '/') + ".class"))
          .as(nativeClass).isNotNull();
    }
  }
}
