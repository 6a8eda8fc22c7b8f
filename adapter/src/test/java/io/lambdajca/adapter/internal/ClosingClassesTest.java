package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every class that closing needs is still where ClosingClasses looks for it (a library upgrade may rename one). */
class ClosingClassesTest {

    @Test
    void everyNamedClass_isInTheLibrariesTheRarShips() {
        List<String> missing = new ArrayList<>();
        for (String name : ClosingClasses.NAMES) {
            try {
                Class.forName(name, false, ClosingClasses.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        assertThat(missing).as("classes not found: find what closing needs now with StopWithItsFilesGoneTest")
                .isEmpty();
    }
}
