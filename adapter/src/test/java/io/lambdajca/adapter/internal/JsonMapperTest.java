package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lambdajca.api.ResultMappingException;

/** JSON-B per application: one per context class loader, reused, released with the adapter. */
class JsonMapperTest {

    private final JsonMapper json = new JsonMapper();
    private final ClassLoader appA = new URLClassLoader(new URL[0], getClass().getClassLoader());
    private final ClassLoader appB = new URLClassLoader(new URL[0], getClass().getClassLoader());

    @Test
    void aValueNestedDeeperThanJsonbsRecursionReaches_isAResultMappingException_notAStackOverflowError() {
        int depth = 100_000;
        byte[] deepResult = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.fromJson("deep", deepResult, Object.class))
                .isInstanceOf(ResultMappingException.class)
                .hasMessage("result of function 'deep' does not map to java.lang.Object: " + JsonMapper.TOO_DEEP);
        List<Object> deepInput = new ArrayList<>();
        List<Object> inner = deepInput;
        for (int i = 0; i < depth; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        assertThatThrownBy(() -> json.toJson("deep", deepInput)).isInstanceOf(ResultMappingException.class)
                .hasMessage("input of type java.util.ArrayList for function 'deep' cannot be mapped to JSON: "
                        + JsonMapper.TOO_DEEP);
        // and the mapper goes on mapping
        Object shallow = json.fromJson("deep", "[[1]]".getBytes(StandardCharsets.UTF_8), Object.class);
        assertThat(shallow).isEqualTo(List.of(List.of(BigDecimal.ONE)));
    }

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
