package io.lambdajca.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A request that asks {@code Expect: 100-continue} (the SDK's Apache client does for every PUT: UpdateAlias,
 * PutFunctionConcurrency, UpdateFunctionConfiguration) is answered 100 Continue at once, as Lambda does; left
 * unanswered, the client waits 3 s before it sends the body.
 */
class ExpectContinueTest {

    @Test
    void put_withExpectContinue_isAnsweredContinueBeforeItsBody() throws Exception {
        try (LocalLambda lambda = LocalLambda.builder().port(0).build().start();
                Socket socket = new Socket("127.0.0.1", lambda.port())) {
            socket.setSoTimeout(1_000); // well under the client's 3 s wait: only a prompt answer passes
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /2017-10-31/functions/f/concurrency HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 34\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 100 Continue", in.readLine());
        }
    }
}
