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

    /** A result's shape with whole numbers, as an application declares one. */
    public record Priced(int cents, long total, List<Integer> parts) {
    }

    @Test
    void aWholeNumberThatDoesNotFitItsType_isAResultMappingException_notCutToFit() {
        // JSON-B's own reading cut these: 99999999999 became the int 1215752191, 1.7 became 1, a long wrapped around
        Map<String, String> refused = Map.of(
                "{\"cents\":99999999999,\"total\":1,\"parts\":[]}", "the number 99999999999 is not an int",
                "{\"cents\":1.7,\"total\":1,\"parts\":[]}", "the number 1.7 is not an int",
                "{\"cents\":1,\"total\":9223372036854775808,\"parts\":[]}",
                "the number 9223372036854775808 is not a long",
                "{\"cents\":1,\"total\":1,\"parts\":[1,2.5]}", "the number 2.5 is not an int");
        refused.forEach((result, why) -> assertThatThrownBy(() -> json.fromJson("pricing",
                result.getBytes(StandardCharsets.UTF_8), Priced.class)).as(result)
                .isInstanceOf(ResultMappingException.class)
                .hasMessageStartingWith("result of function 'pricing' does not map to " + Priced.class.getName())
                .hasMessageContaining(why + ": it has a fraction or is out of range, and is not cut to fit"));
        // what fits is read as before: an exponent or a zero fraction that leaves a whole number, a number as text
        Priced fits = json.fromJson("pricing", "{\"cents\":1e2,\"total\":\"12\",\"parts\":[3.0,-2147483648]}"
                .getBytes(StandardCharsets.UTF_8), Priced.class);
        assertThat(fits).isEqualTo(new Priced(100, 12, List.of(3, Integer.MIN_VALUE)));
    }

    @Test
    void aResultStartingWithAByteOrderMark_mapsAsWithout() {
        byte[] marked = "\uFEFF{\"cents\":1,\"total\":2,\"parts\":[3]}".getBytes(StandardCharsets.UTF_8);
        Priced read = json.fromJson("pricing", marked, Priced.class);
        assertThat(read).isEqualTo(new Priced(1, 2, List.of(3)));
        Priced none = json.fromJson("pricing", "\uFEFF null".getBytes(StandardCharsets.UTF_8), Priced.class);
        assertThat(none).isNull();
    }

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
