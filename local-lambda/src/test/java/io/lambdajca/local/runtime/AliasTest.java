package io.lambdajca.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version an alias with routing weights picks, for a given random draw. */
class AliasTest {

    @Test
    void pick_runsTheAdditionalVersion_whenTheDrawFallsBelowItsWeight() {
        Alias alias = new Alias("canary", "arn", "1", "", "2", 0.3);
        assertThat(alias.pick(() -> 0.0)).isEqualTo("2");
        assertThat(alias.pick(() -> 0.2999)).isEqualTo("2");
        assertThat(alias.pick(() -> 0.3)).isEqualTo("1");
        assertThat(alias.pick(() -> 0.9999)).isEqualTo("1");
    }

    @Test
    void pick_withoutRoutingOrWithWeightZero_alwaysRunsTheAliasVersion() {
        assertThat(new Alias("a", "arn", "1", "", null, 0.0).pick(() -> 0.0)).isEqualTo("1");
        assertThat(new Alias("a", "arn", "1", "", "2", 0.0).pick(() -> 0.0)).isEqualTo("1");
        assertThat(new Alias("a", "arn", "1", "", "2", 1.0).pick(() -> 0.9999)).isEqualTo("2");
    }
}
