package io.datadesk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DNS-rebinding guard of {@code serve}: exact loopback names only, never a prefix. */
class HostCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:4000", "LOCALHOST:4000", "127.0.0.1", "127.0.0.1:4000", "[::1]", "[::1]:4000"})
    void loopbackNamesAreAnswered(String host) {
        assertThat(DevServer.allowedHostName(host, "127.0.0.1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.evil.com", "127.evil.com:4000", "127.0.0.1.nip.io", "127.0.0.1.nip.io:4000", "[::1].evil.com",
            "[::1].evil.com:4000", "evil.example", "localhost.evil.com", "127.0.0.2", "[::1]x", "localhost:80:80", "127.0.0.1:http",
            "foo.localhost", ""})
    void anyOtherNameIsRefused(String host) {
        assertThat(DevServer.allowedHostName(host, "127.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.5", "127.0.0.5:4000"})
    void theAddressGivenWithHostIsAnswered(String host) {
        assertThat(DevServer.allowedHostName(host, "127.0.0.5")).isTrue();
        assertThat(DevServer.allowedHostName("[::1]:4000", "::1")).isTrue();
    }
}
