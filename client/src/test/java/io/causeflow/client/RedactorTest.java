package io.causeflow.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests the class {@link Redactor}. */
class RedactorTest {
    @Test
    void shouldRemoveEverySecretEverywhere() {
        Redactor redactor = Redactor.of("key123", "sec456", null, "", "s");

        assertThat(redactor.redact("key123/sec456 and key123 again")).isEqualTo("****/**** and **** again");
        assertThat(redactor.redact(null)).isEmpty();
    }

    @Test
    void shouldLeaveTextReadableWhenASecretIsTooShortToFind() {
        assertThat(Redactor.of("s").redact("failed after 2 attempts")).isEqualTo("failed after 2 attempts");
        assertThat(Redactor.of("abcd").redact("xabcdx")).isEqualTo("x****x");
    }

    @Test
    void shouldRemoveASecretThatContainsAnotherWhole() {
        assertThat(Redactor.of("abc", "xxabcxx").redact("xxabcxx")).isEqualTo("****");
    }

    @Test
    void shouldNotShowTheSecretsInToString() {
        assertThat(Redactor.of("key123").toString()).isEqualTo("Redactor[1 secrets]");
    }
}
