package io.lambdajca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LambdaConnectionSpecTest {

    @Test
    void aProfileName_isTrimmed() {
        assertThat(LambdaConnectionSpec.credentialProfile(" java:/lambda/profiles/Reporting ").credentialProfile())
                .isEqualTo("java:/lambda/profiles/Reporting");
    }

    @Test
    void aBlankOrOverlongName_isRefused_namingItAndTheRule() {
        assertThatThrownBy(() -> LambdaConnectionSpec.credentialProfile(" ")).isInstanceOf(
                InvalidRequestException.class).hasMessage("The credential profile's JNDI name must not be blank");
        String name = "java:/lambda/profiles/" + "p".repeat(LambdaConnectionSpec.MAX_NAME_LENGTH);
        assertThatThrownBy(() -> LambdaConnectionSpec.credentialProfile(name)).isInstanceOf(
                InvalidRequestException.class).hasMessage("The credential profile's JNDI name '"
                        + name.substring(0, 60) + "...' is " + name.length() + " characters long; at most "
                        + LambdaConnectionSpec.MAX_NAME_LENGTH + " are allowed");
    }
}
