package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lambdajca.api.ResultMappingException;

/** JSON-B per application: one per context class loader, reused, released with the adapter. */
class JsonMapperTest {

    private final JsonMapper json = new JsonMapper();
    private final ClassLoader appA = new URLClassLoader(new URL[0], getClass().getClassLoader());
    private final ClassLoader appB = new URLClassLoader(new URL[0], getClass().getClassLoader());

    @Test
    void eachApplication_getsItsOwnJsonb_reusedOnItsLaterCalls() {
        assertThat(json.jsonbFor(appA)).isSameAs(json.jsonbFor(appA));
        assertThat(json.jsonbFor(appB)).isNotSameAs(json.jsonbFor(appA));
        assertThat(json.jsonbFor(appA)).isSameAs(json.jsonbFor(appA));
    }

    @Test
    void mapsBothWays_onTheCallersContextClassLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(appA);
        try {
            byte[] bytes = json.toJson("f", Map.of("a", 1));
            assertThat(new String(bytes)).isEqualTo("{\"a\":1}");
            Map<?, ?> back = json.fromJson("f", bytes, Map.class);
            assertThat(back.get("a").toString()).isEqualTo("1");
            assertThatThrownBy(() -> json.fromJson("f", "{oops".getBytes(), Map.class))
                    .isInstanceOf(ResultMappingException.class).hasMessageContaining("'f'");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void close_releasesEveryJsonb_andALaterCallBuildsAFreshOne() {
        var first = json.jsonbFor(appA);
        json.close();
        assertThat(json.jsonbFor(appA)).isNotSameAs(first);
    }
}
