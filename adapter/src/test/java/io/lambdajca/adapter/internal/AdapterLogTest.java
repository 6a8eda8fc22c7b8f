package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The adapter's message catalogue: every method of {@link AdapterLog} emits one message with its own id of the
 * project code LAMBDAJCA in the adapter's range 1000-1999; only lifecycle events are INFO; and no message carries a
 * secret handed to it inside an exception.
 */
class AdapterLogTest {

    private static final Pattern ID = Pattern.compile("^LAMBDAJCA(\\d{4}): ");
    private static final Set<String> LIFECYCLE = Set.of("adapterStarted", "adapterStopped", "clientCreated");

    @Test
    void everyMessage_hasItsOwnIdInTheRange_andInfoIsForLifecycleOnly() throws Exception {
        Logger logger = Logger.getLogger("io.lambdajca.adapter");
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level old = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        Map<String, String> idByMethod = new HashMap<>();
        try {
            for (Method m : AdapterLog.class.getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                records.clear();
                m.invoke(null, arguments(m));
                assertThat(records).as(m.getName()).hasSize(1);
                LogRecord r = records.get(0);
                Matcher id = ID.matcher(r.getMessage());
                assertThat(id.find()).as(m.getName() + ": " + r.getMessage()).isTrue();
                int number = Integer.parseInt(id.group(1));
                assertThat(number).as(m.getName()).isBetween(1000, 1999);
                assertThat(idByMethod.values()).as(m.getName()).doesNotContain(id.group(1));
                idByMethod.put(m.getName(), id.group(1));
                assertThat(r.getLevel() == Level.INFO).as(m.getName() + " at INFO").isEqualTo(
                        LIFECYCLE.contains(m.getName()));
                assertThat(r.getMessage()).doesNotContain("s3cr3t-value");
            }
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(old);
        }
        assertThat(idByMethod).hasSizeGreaterThanOrEqualTo(17);
    }

    private static Object[] arguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == String.class) {
                args[i] = "x";
            } else if (t == URI.class) {
                args[i] = URI.create("http://127.0.0.1:9001");
            } else if (t == int.class) {
                args[i] = 1;
            } else if (t == long.class) {
                args[i] = 1L;
            } else if (t == Duration.class) {
                args[i] = Duration.ofSeconds(1);
            } else if (t == Instant.class) {
                args[i] = Instant.EPOCH;
            } else if (Exception.class.isAssignableFrom(t)) {
                args[i] = new IllegalStateException("failed");
            } else {
                throw new IllegalStateException("no test value for " + t + " of " + m);
            }
        }
        return args;
    }
}
