package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.LambdaConnection;

/** A stream of functions consumed after its connection was closed fails without sending a request. */
class FunctionStreamAfterCloseTest {

    @Test
    void aFunctionStreamConsumedAfterClose_failsBeforeAskingForAPage() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (JsonEndpoint endpoint = JsonEndpoint.start(exchange -> {
            requests.incrementAndGet();
            return "{\"Functions\":[{\"FunctionName\":\"orders\"}]}";
        })) {
            LambdaConnection connection = endpoint.connect();
            Stream<FunctionInfo> functions = connection.streamFunctions();
            int before = requests.get(); // the client's set-up may have made its own first call
            connection.close();
            assertThatThrownBy(() -> functions.forEach(f -> { }))
                    .isInstanceOf(ConnectionUnavailableException.class);
            assertThat(requests.get()).as("requests after close()").isEqualTo(before);
        }
    }
}
