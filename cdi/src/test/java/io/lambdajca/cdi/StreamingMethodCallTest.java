package io.lambdajca.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;

/**
 * A streaming method's call (FunctionInterfaceHandler.stream) with a hand-made connection: it invokes with
 * streaming, gives the pooled connection back at once, and returns the stream or its bytes.
 */
class StreamingMethodCallTest {

    interface Exports {
        @LambdaFunction(name = "export")
        InputStream download(String what);

        @LambdaFunction(name = "export")
        InvocationStream export(String what);
    }

    private final AtomicReference<InvocationRequest> sent = new AtomicReference<>();
    private final AtomicBoolean connectionClosed = new AtomicBoolean();
    private final InputStream bytes = new ByteArrayInputStream(new byte[] {1, 2, 3});
    private final InvocationStream stream = new InvocationStream() {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public String executedVersion() {
            return "$LATEST";
        }

        @Override
        public String contentType() {
            return null;
        }

        @Override
        public InputStream inputStream() {
            return bytes;
        }

        @Override
        public boolean isComplete() {
            return false;
        }

        @Override
        public Optional<String> logTail() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    };

    private final LambdaConnection connection = (LambdaConnection) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {LambdaConnection.class}, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "invokeStream":
                        assertThat(connectionClosed).as("invoked on an open connection").isFalse();
                        sent.set((InvocationRequest) args[0]);
                        return stream;
                    case "close":
                        connectionClosed.set(true);
                        return null;
                    default:
                        throw new AssertionError("unexpected call " + m.getName());
                }
            });

    @Test
    void inputStreamMethod_returnsTheStreamsBytes_andGivesTheConnectionBack() {
        FunctionMethod fm = describe("download");
        InvocationRequest request = InvocationRequest.builder("export").input("all").build();
        Object returned = FunctionInterfaceHandler.stream(() -> connection, fm, request);
        assertThat(returned).isSameAs(bytes);
        assertThat(sent.get()).isSameAs(request);
        assertThat(connectionClosed).as("the stream outlives the pooled connection").isTrue();
    }

    @Test
    void invocationStreamMethod_returnsTheStream() {
        Object returned = FunctionInterfaceHandler.stream(() -> connection, describe("export"),
                InvocationRequest.builder("export").build());
        assertThat(returned).isSameAs(stream);
        assertThat(connectionClosed).isTrue();
    }

    private static FunctionMethod describe(String name) {
        List<String> problems = new ArrayList<>();
        for (Method m : Exports.class.getMethods()) {
            if (m.getName().equals(name)) {
                FunctionMethod fm = FunctionMethod.describe(Exports.class, m, problems);
                assertThat(problems).isEmpty();
                return fm;
            }
        }
        throw new AssertionError(name);
    }
}
